using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>Where an Envoy writes its access log.</summary>
public sealed class AccessLog
{
    /// <summary>A file (or <c>/dev/stdout</c>).</summary>
    [JsonPropertyName("file")]
    [YamlMember(Alias = "file")]
    public FileAccessLog? File { get; set; }
}
