using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.GatewayApi.Resources;

/// <summary>A subject alternative name the server certificate may carry: a DNS name (<c>Hostname</c>) or a URI such as a SPIFFE id.</summary>
public sealed class SubjectAltName
{
    /// <summary>The form: <c>Hostname</c> or <c>URI</c>.</summary>
    [JsonPropertyName("type")]
    [YamlMember(Alias = "type")]
    public string? Type { get; set; }

    /// <summary>The DNS name (type <c>Hostname</c>; a leading <c>*.</c> wildcard is allowed).</summary>
    [JsonPropertyName("hostname")]
    [YamlMember(Alias = "hostname")]
    public string? Hostname { get; set; }

    /// <summary>The URI (type <c>URI</c>), with a scheme and an authority.</summary>
    [JsonPropertyName("uri")]
    [YamlMember(Alias = "uri")]
    public string? Uri { get; set; }
}
