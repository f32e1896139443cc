using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>Ring hash settings (<c>ringHash</c>).</summary>
public sealed class RingHashConfig
{
    /// <summary>The minimum number of virtual nodes on the ring.</summary>
    [JsonPropertyName("minimumRingSize")]
    [YamlMember(Alias = "minimumRingSize")]
    public ulong? MinimumRingSize { get; set; }
}
