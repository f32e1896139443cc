using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>The spec of a <c>ServiceIntentions</c>.</summary>
public sealed class ServiceIntentionsSpec
{
    /// <summary>The service protected.</summary>
    [JsonPropertyName("destination")]
    [YamlMember(Alias = "destination")]
    public IntentionDestination? Destination { get; set; }

    /// <summary>The callers, each with an action or L7 permissions (Consul orders them by specificity).</summary>
    [JsonPropertyName("sources")]
    [YamlMember(Alias = "sources")]
    public List<IntentionSource>? Sources { get; set; }

    /// <summary>A token every source's requests must carry (the sources' own permissions may require more).</summary>
    [JsonPropertyName("jwt")]
    [YamlMember(Alias = "jwt")]
    public IntentionJwt? Jwt { get; set; }
}
