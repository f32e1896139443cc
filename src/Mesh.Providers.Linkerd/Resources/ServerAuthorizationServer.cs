using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Linkerd.Resources;

/// <summary>The Servers a <see cref="ServerAuthorization"/> applies to.</summary>
public sealed class ServerAuthorizationServer
{
    /// <summary>A Server's name.</summary>
    [JsonPropertyName("name")]
    [YamlMember(Alias = "name")]
    public string? Name { get; set; }

    /// <summary>A selector over Servers' labels.</summary>
    [JsonPropertyName("selector")]
    [YamlMember(Alias = "selector")]
    public LabelSelector? Selector { get; set; }
}
