using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>The token an intention requires: one verified by any of <see cref="Providers"/>.</summary>
public sealed class IntentionJwt
{
    /// <summary>The providers, alternatives.</summary>
    [JsonPropertyName("providers")]
    [YamlMember(Alias = "providers")]
    public List<IntentionJwtProvider>? Providers { get; set; }
}
