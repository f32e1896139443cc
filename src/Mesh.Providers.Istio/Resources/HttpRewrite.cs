using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>Rewrites applied before forwarding (Istio <c>HTTPRewrite</c>).</summary>
public sealed class HttpRewrite
{
    /// <summary>Replaces the matched path prefix (or the whole path for exact and regex matches).</summary>
    [JsonPropertyName("uri")]
    [YamlMember(Alias = "uri")]
    public string? Uri { get; set; }

    /// <summary>Replaces the authority (Host) header.</summary>
    [JsonPropertyName("authority")]
    [YamlMember(Alias = "authority")]
    public string? Authority { get; set; }

    /// <summary>A regex substitution of the path.</summary>
    [JsonPropertyName("uriRegexRewrite")]
    [YamlMember(Alias = "uriRegexRewrite")]
    public RegexRewrite? UriRegexRewrite { get; set; }
}
