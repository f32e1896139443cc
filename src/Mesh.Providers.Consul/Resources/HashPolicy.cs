using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>One hash input: a header, cookie or query parameter (<c>field</c> and <c>fieldValue</c>) or the source IP.</summary>
public sealed class HashPolicy
{
    /// <summary><c>header</c>, <c>cookie</c> or <c>query_parameter</c>.</summary>
    [JsonPropertyName("field")]
    [YamlMember(Alias = "field")]
    public string? Field { get; set; }

    /// <summary>The header, cookie or parameter name.</summary>
    [JsonPropertyName("fieldValue")]
    [YamlMember(Alias = "fieldValue")]
    public string? FieldValue { get; set; }

    /// <summary>Settings of a generated cookie.</summary>
    [JsonPropertyName("cookieConfig")]
    [YamlMember(Alias = "cookieConfig")]
    public CookieConfig? CookieConfig { get; set; }

    /// <summary>Whether the source IP is hashed.</summary>
    [JsonPropertyName("sourceIP")]
    [YamlMember(Alias = "sourceIP")]
    public bool? SourceIP { get; set; }

    /// <summary>Whether later policies are skipped when this one yields a hash.</summary>
    [JsonPropertyName("terminal")]
    [YamlMember(Alias = "terminal")]
    public bool? Terminal { get; set; }
}
