using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>The logging of an Envoy of a virtual node or gateway.</summary>
public sealed class Logging
{
    /// <summary>The access log.</summary>
    [JsonPropertyName("accessLog")]
    [YamlMember(Alias = "accessLog")]
    public AccessLog? AccessLog { get; set; }
}
