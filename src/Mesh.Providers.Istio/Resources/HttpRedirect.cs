using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>A redirect answered instead of forwarding (Istio <c>HTTPRedirect</c>).</summary>
public sealed class HttpRedirect
{
    /// <summary>The new path.</summary>
    [JsonPropertyName("uri")]
    [YamlMember(Alias = "uri")]
    public string? Uri { get; set; }

    /// <summary>The new authority.</summary>
    [JsonPropertyName("authority")]
    [YamlMember(Alias = "authority")]
    public string? Authority { get; set; }

    /// <summary>The new port.</summary>
    [JsonPropertyName("port")]
    [YamlMember(Alias = "port")]
    public int? Port { get; set; }

    /// <summary>The new scheme.</summary>
    [JsonPropertyName("scheme")]
    [YamlMember(Alias = "scheme")]
    public string? Scheme { get; set; }

    /// <summary>The status code (default 301).</summary>
    [JsonPropertyName("redirectCode")]
    [YamlMember(Alias = "redirectCode")]
    public int? RedirectCode { get; set; }
}
