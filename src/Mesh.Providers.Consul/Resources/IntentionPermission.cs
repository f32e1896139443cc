using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>An L7 permission.</summary>
public sealed class IntentionPermission
{
    /// <summary><c>allow</c> or <c>deny</c>.</summary>
    [JsonPropertyName("action")]
    [YamlMember(Alias = "action")]
    public string? Action { get; set; }

    /// <summary>The requests it matches.</summary>
    [JsonPropertyName("http")]
    [YamlMember(Alias = "http")]
    public IntentionHttpPermission? Http { get; set; }

    /// <summary>A token the requests must carry for the permission to match.</summary>
    [JsonPropertyName("jwt")]
    [YamlMember(Alias = "jwt")]
    public IntentionJwt? Jwt { get; set; }
}
