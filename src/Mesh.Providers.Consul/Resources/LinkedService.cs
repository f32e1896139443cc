using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>A service linked to a terminating gateway.</summary>
public sealed class LinkedService
{
    /// <summary>The service (<c>*</c> for all in its namespace).</summary>
    [JsonPropertyName("name")]
    [YamlMember(Alias = "name")]
    public string? Name { get; set; }

    /// <summary>The Consul namespace (Enterprise).</summary>
    [JsonPropertyName("namespace")]
    [YamlMember(Alias = "namespace")]
    public string? Namespace { get; set; }

    /// <summary>The CA file verifying the service.</summary>
    [JsonPropertyName("caFile")]
    [YamlMember(Alias = "caFile")]
    public string? CaFile { get; set; }

    /// <summary>The client certificate file.</summary>
    [JsonPropertyName("certFile")]
    [YamlMember(Alias = "certFile")]
    public string? CertFile { get; set; }

    /// <summary>The client key file.</summary>
    [JsonPropertyName("keyFile")]
    [YamlMember(Alias = "keyFile")]
    public string? KeyFile { get; set; }

    /// <summary>The SNI sent.</summary>
    [JsonPropertyName("sni")]
    [YamlMember(Alias = "sni")]
    public string? Sni { get; set; }

    /// <summary>Whether the Host header is left as is.</summary>
    [JsonPropertyName("disableAutoHostRewrite")]
    [YamlMember(Alias = "disableAutoHostRewrite")]
    public bool? DisableAutoHostRewrite { get; set; }
}
