using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Osm.Resources;

/// <summary>A reference by kind, name and namespace: a <c>ServiceAccount</c> identity (TrafficTarget, Retry and Egress sources), a <c>Service</c> (Retry destinations, IngressBackend sources), an <c>AuthenticatedPrincipal</c> or an <c>IPRange</c> (IngressBackend sources).</summary>
public sealed class KindReference
{
    /// <summary>The kind referred to (required).</summary>
    [JsonPropertyName("kind")]
    [YamlMember(Alias = "kind")]
    public string? Kind { get; set; }

    /// <summary>The name (an IP range's CIDR, a principal's name).</summary>
    [JsonPropertyName("name")]
    [YamlMember(Alias = "name")]
    public string? Name { get; set; }

    /// <summary>The namespace; absent means the referring resource's where the kind is namespaced.</summary>
    [JsonPropertyName("namespace")]
    [YamlMember(Alias = "namespace")]
    public string? Namespace { get; set; }
}
