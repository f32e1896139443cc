using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.GatewayApi.Resources;

/// <summary>Timeouts of a rule, in Gateway API duration syntax (GEP-2257: <c>1h</c>, <c>1s500ms</c>; no decimals).</summary>
public sealed class HttpRouteTimeouts
{
    /// <summary>The time allowed for the whole request, retries included.</summary>
    [JsonPropertyName("request")]
    [YamlMember(Alias = "request")]
    public string? Request { get; set; }

    /// <summary>The time allowed for each request to a backend.</summary>
    [JsonPropertyName("backendRequest")]
    [YamlMember(Alias = "backendRequest")]
    public string? BackendRequest { get; set; }
}
