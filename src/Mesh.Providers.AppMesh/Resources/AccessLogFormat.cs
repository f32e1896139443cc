using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>The format of access log lines: a text pattern or JSON fields; one is set.</summary>
public sealed class AccessLogFormat
{
    /// <summary>An Envoy format string.</summary>
    [JsonPropertyName("text")]
    [YamlMember(Alias = "text")]
    public string? Text { get; set; }

    /// <summary>JSON fields, each a key and an Envoy format string.</summary>
    [JsonPropertyName("json")]
    [YamlMember(Alias = "json")]
    public List<AccessLogJsonField>? Json { get; set; }
}
