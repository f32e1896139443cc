using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>Paths a proxy exposes without mTLS.</summary>
public sealed class ExposeConfig
{
    /// <summary>Whether HTTP and gRPC health checks are exposed.</summary>
    [JsonPropertyName("checks")]
    [YamlMember(Alias = "checks")]
    public bool? Checks { get; set; }

    /// <summary>The exposed paths.</summary>
    [JsonPropertyName("paths")]
    [YamlMember(Alias = "paths")]
    public List<ExposePath>? Paths { get; set; }
}
