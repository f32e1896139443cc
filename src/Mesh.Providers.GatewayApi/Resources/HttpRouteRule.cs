using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.GatewayApi.Resources;

/// <summary>A rule of an <c>HTTPRoute</c>: matches, filters, backends, timeouts.</summary>
public sealed class HttpRouteRule
{
    /// <summary>The matches, any of which selects the rule; every request when absent.</summary>
    [JsonPropertyName("matches")]
    [YamlMember(Alias = "matches")]
    public List<HttpRouteMatch>? Matches { get; set; }

    /// <summary>The filters applied.</summary>
    [JsonPropertyName("filters")]
    [YamlMember(Alias = "filters")]
    public List<HttpRouteFilter>? Filters { get; set; }

    /// <summary>The weighted backends.</summary>
    [JsonPropertyName("backendRefs")]
    [YamlMember(Alias = "backendRefs")]
    public List<BackendRef>? BackendRefs { get; set; }

    /// <summary>The timeouts.</summary>
    [JsonPropertyName("timeouts")]
    [YamlMember(Alias = "timeouts")]
    public HttpRouteTimeouts? Timeouts { get; set; }
}
