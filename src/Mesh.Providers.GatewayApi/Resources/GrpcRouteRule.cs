using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.GatewayApi.Resources;

/// <summary>A rule of a <c>GRPCRoute</c>.</summary>
public sealed class GrpcRouteRule
{
    /// <summary>The matches, any of which selects the rule; every call when absent.</summary>
    [JsonPropertyName("matches")]
    [YamlMember(Alias = "matches")]
    public List<GrpcRouteMatch>? Matches { get; set; }

    /// <summary>The filters applied.</summary>
    [JsonPropertyName("filters")]
    [YamlMember(Alias = "filters")]
    public List<GrpcRouteFilter>? Filters { get; set; }

    /// <summary>The weighted backends.</summary>
    [JsonPropertyName("backendRefs")]
    [YamlMember(Alias = "backendRefs")]
    public List<BackendRef>? BackendRefs { get; set; }
}
