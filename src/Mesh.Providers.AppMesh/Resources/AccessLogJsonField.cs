using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>One field of a JSON access log line.</summary>
public sealed class AccessLogJsonField
{
    /// <summary>The JSON key.</summary>
    [JsonPropertyName("key")]
    [YamlMember(Alias = "key")]
    public string? Key { get; set; }

    /// <summary>The Envoy format string of its value.</summary>
    [JsonPropertyName("value")]
    [YamlMember(Alias = "value")]
    public string? Value { get; set; }
}
