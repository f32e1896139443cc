using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>A backend a virtual node may call.</summary>
public sealed class Backend
{
    /// <summary>The virtual service called (required).</summary>
    [JsonPropertyName("virtualService")]
    [YamlMember(Alias = "virtualService")]
    public VirtualServiceBackend? VirtualService { get; set; }
}
