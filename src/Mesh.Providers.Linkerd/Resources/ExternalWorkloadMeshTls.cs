using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Linkerd.Resources;

/// <summary>The mesh identity of an <see cref="ExternalWorkload"/>.</summary>
public sealed class ExternalWorkloadMeshTls
{
    /// <summary>The TLS identity in the workload's certificate, which peers verify.</summary>
    [JsonPropertyName("identity")]
    [YamlMember(Alias = "identity")]
    public string? Identity { get; set; }

    /// <summary>The server name (SNI) the workload's proxy expects from callers.</summary>
    [JsonPropertyName("serverName")]
    [YamlMember(Alias = "serverName")]
    public string? ServerName { get; set; }
}
