using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>A CORS policy.</summary>
public sealed class CorsPolicy
{
    /// <summary>Allowed origins.</summary>
    [JsonPropertyName("allowOrigins")]
    [YamlMember(Alias = "allowOrigins")]
    public List<StringMatch>? AllowOrigins { get; set; }

    /// <summary>Allowed methods.</summary>
    [JsonPropertyName("allowMethods")]
    [YamlMember(Alias = "allowMethods")]
    public List<string>? AllowMethods { get; set; }

    /// <summary>Allowed request headers.</summary>
    [JsonPropertyName("allowHeaders")]
    [YamlMember(Alias = "allowHeaders")]
    public List<string>? AllowHeaders { get; set; }

    /// <summary>Response headers the browser may read.</summary>
    [JsonPropertyName("exposeHeaders")]
    [YamlMember(Alias = "exposeHeaders")]
    public List<string>? ExposeHeaders { get; set; }

    /// <summary>How long a preflight answer may be cached.</summary>
    [JsonPropertyName("maxAge")]
    [YamlMember(Alias = "maxAge")]
    public string? MaxAge { get; set; }

    /// <summary>Whether credentials are allowed.</summary>
    [JsonPropertyName("allowCredentials")]
    [YamlMember(Alias = "allowCredentials")]
    public bool? AllowCredentials { get; set; }
}
