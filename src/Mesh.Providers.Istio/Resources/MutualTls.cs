using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>An mTLS mode.</summary>
public sealed class MutualTls
{
    /// <summary><c>UNSET</c>, <c>DISABLE</c>, <c>PERMISSIVE</c> or <c>STRICT</c>.</summary>
    [JsonPropertyName("mode")]
    [YamlMember(Alias = "mode")]
    public string? Mode { get; set; }
}
