using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.GatewayApi.Resources;

/// <summary>The spec of a <see cref="TlsRoute"/>.</summary>
public sealed class TlsRouteSpec
{
    /// <summary>The SNI host names the route selects (<c>*.</c> allowed as the first label); every host name when absent.</summary>
    [JsonPropertyName("hostnames")]
    [YamlMember(Alias = "hostnames")]
    public List<string>? Hostnames { get; set; }

    /// <summary>The parents whose connections the route governs, each on a port.</summary>
    [JsonPropertyName("parentRefs")]
    [YamlMember(Alias = "parentRefs")]
    public List<ParentReference>? ParentRefs { get; set; }

    /// <summary>The rules (1 to 16).</summary>
    [JsonPropertyName("rules")]
    [YamlMember(Alias = "rules")]
    public List<TlsRouteRule>? Rules { get; set; }
}
