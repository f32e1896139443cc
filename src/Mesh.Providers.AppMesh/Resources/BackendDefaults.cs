using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>Defaults applied to every backend of a virtual node or gateway.</summary>
public sealed class BackendDefaults
{
    /// <summary>The client policy of every backend, unless the backend has its own.</summary>
    [JsonPropertyName("clientPolicy")]
    [YamlMember(Alias = "clientPolicy")]
    public ClientPolicy? ClientPolicy { get; set; }
}
