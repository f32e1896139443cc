using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>One HTTP rule of a <c>VirtualService</c> (Istio <c>HTTPRoute</c>).</summary>
public sealed class HttpRoute
{
    /// <summary>Conditions, any of which selects the rule.</summary>
    [JsonPropertyName("match")]
    [YamlMember(Alias = "match")]
    public List<HttpMatchRequest>? Match { get; set; }

    /// <summary>Weighted destinations.</summary>
    [JsonPropertyName("route")]
    [YamlMember(Alias = "route")]
    public List<HttpRouteDestination>? Route { get; set; }

    /// <summary>A redirect answered instead of forwarding.</summary>
    [JsonPropertyName("redirect")]
    [YamlMember(Alias = "redirect")]
    public HttpRedirect? Redirect { get; set; }

    /// <summary>Rewrites applied before forwarding.</summary>
    [JsonPropertyName("rewrite")]
    [YamlMember(Alias = "rewrite")]
    public HttpRewrite? Rewrite { get; set; }

    /// <summary>The request timeout, a duration such as <c>10s</c>.</summary>
    [JsonPropertyName("timeout")]
    [YamlMember(Alias = "timeout")]
    public string? Timeout { get; set; }

    /// <summary>The retry policy.</summary>
    [JsonPropertyName("retries")]
    [YamlMember(Alias = "retries")]
    public HttpRetry? Retries { get; set; }

    /// <summary>Faults injected.</summary>
    [JsonPropertyName("fault")]
    [YamlMember(Alias = "fault")]
    public HttpFaultInjection? Fault { get; set; }

    /// <summary>The destination traffic is mirrored to.</summary>
    [JsonPropertyName("mirror")]
    [YamlMember(Alias = "mirror")]
    public Destination? Mirror { get; set; }

    /// <summary>The share of traffic mirrored (default 100).</summary>
    [JsonPropertyName("mirrorPercentage")]
    [YamlMember(Alias = "mirrorPercentage")]
    public Percent? MirrorPercentage { get; set; }

    /// <summary>Mirror destinations (the newer list form).</summary>
    [JsonPropertyName("mirrors")]
    [YamlMember(Alias = "mirrors")]
    public List<HttpMirrorPolicy>? Mirrors { get; set; }

    /// <summary>The CORS policy.</summary>
    [JsonPropertyName("corsPolicy")]
    [YamlMember(Alias = "corsPolicy")]
    public CorsPolicy? CorsPolicy { get; set; }

    /// <summary>Request and response header changes.</summary>
    [JsonPropertyName("headers")]
    [YamlMember(Alias = "headers")]
    public Headers? Headers { get; set; }
}
