using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.GatewayApi.Resources;

/// <summary>Cross-origin resource sharing.</summary>
public sealed class HttpCorsFilter
{
    /// <summary>The origins allowed, or <c>*</c>.</summary>
    [JsonPropertyName("allowOrigins")]
    [YamlMember(Alias = "allowOrigins")]
    public List<string>? AllowOrigins { get; set; }

    /// <summary>Whether credentials are allowed.</summary>
    [JsonPropertyName("allowCredentials")]
    [YamlMember(Alias = "allowCredentials")]
    public bool? AllowCredentials { get; set; }

    /// <summary>The methods allowed.</summary>
    [JsonPropertyName("allowMethods")]
    [YamlMember(Alias = "allowMethods")]
    public List<string>? AllowMethods { get; set; }

    /// <summary>The request headers allowed.</summary>
    [JsonPropertyName("allowHeaders")]
    [YamlMember(Alias = "allowHeaders")]
    public List<string>? AllowHeaders { get; set; }

    /// <summary>The response headers exposed.</summary>
    [JsonPropertyName("exposeHeaders")]
    [YamlMember(Alias = "exposeHeaders")]
    public List<string>? ExposeHeaders { get; set; }

    /// <summary>How long, in seconds, a preflight answer may be cached; 5 when absent.</summary>
    [JsonPropertyName("maxAge")]
    [YamlMember(Alias = "maxAge")]
    public int? MaxAge { get; set; }
}
