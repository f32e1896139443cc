using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.GatewayApi.Resources;

/// <summary>
/// A reference to the parent of a route: in mesh (GAMMA) form a <c>Service</c>, with the port whose traffic the route governs
/// (Linkerd also takes its <c>Server</c> and <c>EgressNetwork</c> as parents).
/// </summary>
public sealed class ParentReference
{
    /// <summary>The API group of the parent; <c>""</c> (core) for a Service.</summary>
    [JsonPropertyName("group")]
    [YamlMember(Alias = "group")]
    public string? Group { get; set; }

    /// <summary>The kind of the parent; <c>Service</c> in mesh form.</summary>
    [JsonPropertyName("kind")]
    [YamlMember(Alias = "kind")]
    public string? Kind { get; set; }

    /// <summary>The parent's namespace; absent means the route's own.</summary>
    [JsonPropertyName("namespace")]
    [YamlMember(Alias = "namespace")]
    public string? Namespace { get; set; }

    /// <summary>The parent's name.</summary>
    [JsonPropertyName("name")]
    [YamlMember(Alias = "name")]
    public string? Name { get; set; }

    /// <summary>The Service port the route applies to; absent means every port.</summary>
    [JsonPropertyName("port")]
    [YamlMember(Alias = "port")]
    public int? Port { get; set; }

    /// <summary>
    /// The section of the parent the route applies to: for a Service, a port's name (written beside <see cref="Port"/>, which
    /// it must match, when a route names several ports of one Service); absent means the whole parent.
    /// </summary>
    [JsonPropertyName("sectionName")]
    [YamlMember(Alias = "sectionName")]
    public string? SectionName { get; set; }
}
