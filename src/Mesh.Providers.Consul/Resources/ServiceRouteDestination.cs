using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>The destination of a route, with its retries, timeouts, rewrite and header changes.</summary>
public sealed class ServiceRouteDestination
{
    /// <summary>The service (default: the router's own).</summary>
    [JsonPropertyName("service")]
    [YamlMember(Alias = "service")]
    public string? Service { get; set; }

    /// <summary>A subset of the resolver of <see cref="Service"/>; the service's splitter is skipped.</summary>
    [JsonPropertyName("serviceSubset")]
    [YamlMember(Alias = "serviceSubset")]
    public string? ServiceSubset { get; set; }

    /// <summary>The Consul namespace (Enterprise).</summary>
    [JsonPropertyName("namespace")]
    [YamlMember(Alias = "namespace")]
    public string? Namespace { get; set; }

    /// <summary>The admin partition (Enterprise).</summary>
    [JsonPropertyName("partition")]
    [YamlMember(Alias = "partition")]
    public string? Partition { get; set; }

    /// <summary>Replaces the matched path prefix (or the exact path).</summary>
    [JsonPropertyName("prefixRewrite")]
    [YamlMember(Alias = "prefixRewrite")]
    public string? PrefixRewrite { get; set; }

    /// <summary>The idle timeout (Go duration).</summary>
    [JsonPropertyName("idleTimeout")]
    [YamlMember(Alias = "idleTimeout")]
    public string? IdleTimeout { get; set; }

    /// <summary>The whole request's timeout, retries included (Go duration).</summary>
    [JsonPropertyName("requestTimeout")]
    [YamlMember(Alias = "requestTimeout")]
    public string? RequestTimeout { get; set; }

    /// <summary>The number of retries.</summary>
    [JsonPropertyName("numRetries")]
    [YamlMember(Alias = "numRetries")]
    public int? NumRetries { get; set; }

    /// <summary>Whether connection failures are retried.</summary>
    [JsonPropertyName("retryOnConnectFailure")]
    [YamlMember(Alias = "retryOnConnectFailure")]
    public bool? RetryOnConnectFailure { get; set; }

    /// <summary>Envoy retry conditions (<c>5xx</c>, <c>gateway-error</c>, <c>reset</c>, …).</summary>
    [JsonPropertyName("retryOn")]
    [YamlMember(Alias = "retryOn")]
    public List<string>? RetryOn { get; set; }

    /// <summary>Status codes retried.</summary>
    [JsonPropertyName("retryOnStatusCodes")]
    [YamlMember(Alias = "retryOnStatusCodes")]
    public List<int>? RetryOnStatusCodes { get; set; }

    /// <summary>Request header changes.</summary>
    [JsonPropertyName("requestHeaders")]
    [YamlMember(Alias = "requestHeaders")]
    public HttpHeaderModifiers? RequestHeaders { get; set; }

    /// <summary>Response header changes.</summary>
    [JsonPropertyName("responseHeaders")]
    [YamlMember(Alias = "responseHeaders")]
    public HttpHeaderModifiers? ResponseHeaders { get; set; }
}
