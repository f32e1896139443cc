using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>An access log written to a file.</summary>
public sealed class FileAccessLog
{
    /// <summary>The file path, e.g. <c>/dev/stdout</c>.</summary>
    [JsonPropertyName("path")]
    [YamlMember(Alias = "path")]
    public string? Path { get; set; }

    /// <summary>The line format; absent means Envoy's default.</summary>
    [JsonPropertyName("format")]
    [YamlMember(Alias = "format")]
    public AccessLogFormat? Format { get; set; }
}
