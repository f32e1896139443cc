using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>The settings of a service's upstreams, configured by the caller.</summary>
public sealed class UpstreamConfig
{
    /// <summary>Settings of every upstream.</summary>
    [JsonPropertyName("defaults")]
    [YamlMember(Alias = "defaults")]
    public Upstream? Defaults { get; set; }

    /// <summary>Settings of named upstreams (by <c>name</c>, with <c>namespace</c>/<c>partition</c>/<c>peer</c>).</summary>
    [JsonPropertyName("overrides")]
    [YamlMember(Alias = "overrides")]
    public List<Upstream>? Overrides { get; set; }
}
