using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Osm.Resources;

/// <summary>The spec of an <see cref="IngressBackend"/>.</summary>
public sealed class IngressBackendSpec
{
    /// <summary>The backends reached (required).</summary>
    [JsonPropertyName("backends")]
    [YamlMember(Alias = "backends")]
    public List<IngressBackendTarget>? Backends { get; set; }

    /// <summary>The ingress sources: Services, authenticated principals or IP ranges (required).</summary>
    [JsonPropertyName("sources")]
    [YamlMember(Alias = "sources")]
    public List<KindReference>? Sources { get; set; }

    /// <summary>Resources the policy matches on.</summary>
    [JsonPropertyName("matches")]
    [YamlMember(Alias = "matches")]
    public List<ResourceMatch>? Matches { get; set; }
}
