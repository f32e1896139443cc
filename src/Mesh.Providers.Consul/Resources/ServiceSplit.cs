using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>One split of a <c>ServiceSplitter</c>.</summary>
public sealed class ServiceSplit
{
    /// <summary>The percentage of traffic, 0.01 to 100 in 0.01 steps.</summary>
    [JsonPropertyName("weight")]
    [YamlMember(Alias = "weight")]
    public decimal? Weight { get; set; }

    /// <summary>The service (default: the splitter's own, which then goes to its resolver).</summary>
    [JsonPropertyName("service")]
    [YamlMember(Alias = "service")]
    public string? Service { get; set; }

    /// <summary>A subset of the service's resolver.</summary>
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

    /// <summary>Request header changes of this split.</summary>
    [JsonPropertyName("requestHeaders")]
    [YamlMember(Alias = "requestHeaders")]
    public HttpHeaderModifiers? RequestHeaders { get; set; }

    /// <summary>Response header changes of this split.</summary>
    [JsonPropertyName("responseHeaders")]
    [YamlMember(Alias = "responseHeaders")]
    public HttpHeaderModifiers? ResponseHeaders { get; set; }
}
