using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>A listener of a virtual router.</summary>
public sealed class VirtualRouterListener
{
    /// <summary>The port and protocol (required).</summary>
    [JsonPropertyName("portMapping")]
    [YamlMember(Alias = "portMapping")]
    public PortMapping? PortMapping { get; set; }
}
