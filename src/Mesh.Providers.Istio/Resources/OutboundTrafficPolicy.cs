using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>What happens to calls to hosts outside the registry.</summary>
public sealed class OutboundTrafficPolicy
{
    /// <summary><c>REGISTRY_ONLY</c> or <c>ALLOW_ANY</c>.</summary>
    [JsonPropertyName("mode")]
    [YamlMember(Alias = "mode")]
    public string? Mode { get; set; }
}
