using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>A provider whose verified token an intention accepts, with the claims it must hold.</summary>
public sealed class IntentionJwtProvider
{
    /// <summary>The <c>JWTProvider</c>'s name.</summary>
    [JsonPropertyName("name")]
    [YamlMember(Alias = "name")]
    public string? Name { get; set; }

    /// <summary>Claims the token must hold, all of them.</summary>
    [JsonPropertyName("verifyClaims")]
    [YamlMember(Alias = "verifyClaims")]
    public List<IntentionJwtClaim>? VerifyClaims { get; set; }
}
