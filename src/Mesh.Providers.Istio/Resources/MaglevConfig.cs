using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>Maglev settings (<c>maglev</c>).</summary>
public sealed class MaglevConfig
{
    /// <summary>The lookup table size (a prime).</summary>
    [JsonPropertyName("tableSize")]
    [YamlMember(Alias = "tableSize")]
    public ulong? TableSize { get; set; }
}
