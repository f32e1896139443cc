using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>Consistent-hash load balancing: one of the hash keys.</summary>
public sealed class ConsistentHashLB
{
    /// <summary>Hash on this header.</summary>
    [JsonPropertyName("httpHeaderName")]
    [YamlMember(Alias = "httpHeaderName")]
    public string? HttpHeaderName { get; set; }

    /// <summary>Hash on this cookie.</summary>
    [JsonPropertyName("httpCookie")]
    [YamlMember(Alias = "httpCookie")]
    public HttpCookie? HttpCookie { get; set; }

    /// <summary>Hash on the source IP.</summary>
    [JsonPropertyName("useSourceIp")]
    [YamlMember(Alias = "useSourceIp")]
    public bool? UseSourceIp { get; set; }

    /// <summary>Hash on this query parameter.</summary>
    [JsonPropertyName("httpQueryParameterName")]
    [YamlMember(Alias = "httpQueryParameterName")]
    public string? HttpQueryParameterName { get; set; }

    /// <summary>Ring hash and its size.</summary>
    [JsonPropertyName("ringHash")]
    [YamlMember(Alias = "ringHash")]
    public RingHashConfig? RingHash { get; set; }

    /// <summary>Maglev and its table size.</summary>
    [JsonPropertyName("maglev")]
    [YamlMember(Alias = "maglev")]
    public MaglevConfig? Maglev { get; set; }

    /// <summary>Deprecated: the ring size (use ringHash).</summary>
    [JsonPropertyName("minimumRingSize")]
    [YamlMember(Alias = "minimumRingSize")]
    public ulong? MinimumRingSize { get; set; }
}
