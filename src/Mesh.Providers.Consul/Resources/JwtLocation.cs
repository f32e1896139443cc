using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>Where a token is read: exactly one of <see cref="Header"/>, <see cref="QueryParam"/> and <see cref="Cookie"/>.</summary>
public sealed class JwtLocation
{
    /// <summary>A request header.</summary>
    [JsonPropertyName("header")]
    [YamlMember(Alias = "header")]
    public JwtLocationHeader? Header { get; set; }

    /// <summary>A query parameter.</summary>
    [JsonPropertyName("queryParam")]
    [YamlMember(Alias = "queryParam")]
    public JwtLocationName? QueryParam { get; set; }

    /// <summary>A cookie.</summary>
    [JsonPropertyName("cookie")]
    [YamlMember(Alias = "cookie")]
    public JwtLocationName? Cookie { get; set; }
}
