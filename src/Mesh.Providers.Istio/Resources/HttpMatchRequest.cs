using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>A request condition (Istio <c>HTTPMatchRequest</c>); every part that is set must hold.</summary>
public sealed class HttpMatchRequest
{
    /// <summary>The path condition.</summary>
    [JsonPropertyName("uri")]
    [YamlMember(Alias = "uri")]
    public StringMatch? Uri { get; set; }

    /// <summary>The method condition.</summary>
    [JsonPropertyName("method")]
    [YamlMember(Alias = "method")]
    public StringMatch? Method { get; set; }

    /// <summary>Header conditions by lower-case name; an empty match checks presence.</summary>
    [JsonPropertyName("headers")]
    [YamlMember(Alias = "headers")]
    public Dictionary<string, StringMatch>? Headers { get; set; }

    /// <summary>Header conditions that must not hold; an empty match checks absence.</summary>
    [JsonPropertyName("withoutHeaders")]
    [YamlMember(Alias = "withoutHeaders")]
    public Dictionary<string, StringMatch>? WithoutHeaders { get; set; }

    /// <summary>Query parameter conditions by name.</summary>
    [JsonPropertyName("queryParams")]
    [YamlMember(Alias = "queryParams")]
    public Dictionary<string, StringMatch>? QueryParams { get; set; }

    /// <summary>The destination port the request was sent to (one of the host's ports).</summary>
    [JsonPropertyName("port")]
    [YamlMember(Alias = "port")]
    public int? Port { get; set; }

    /// <summary>Labels the calling workload must carry.</summary>
    [JsonPropertyName("sourceLabels")]
    [YamlMember(Alias = "sourceLabels")]
    public Dictionary<string, string>? SourceLabels { get; set; }

    /// <summary>The namespace the calling workload must run in.</summary>
    [JsonPropertyName("sourceNamespace")]
    [YamlMember(Alias = "sourceNamespace")]
    public string? SourceNamespace { get; set; }
}
