using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Linkerd.Resources;

/// <summary>The spec of a <see cref="ServerAuthorization"/>.</summary>
public sealed class ServerAuthorizationSpec
{
    /// <summary>The Servers authorized, by name or selector.</summary>
    [JsonPropertyName("server")]
    [YamlMember(Alias = "server")]
    public ServerAuthorizationServer? Server { get; set; }

    /// <summary>The clients authorized.</summary>
    [JsonPropertyName("client")]
    [YamlMember(Alias = "client")]
    public ServerAuthorizationClient? Client { get; set; }
}
