using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>The cache of verification results.</summary>
public sealed class JwtCacheConfig
{
    /// <summary>How many results are kept (Consul's default: 0, no cache).</summary>
    [JsonPropertyName("size")]
    [YamlMember(Alias = "size")]
    public int? Size { get; set; }
}
