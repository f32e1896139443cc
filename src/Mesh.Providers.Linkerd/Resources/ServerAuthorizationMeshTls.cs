using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Linkerd.Resources;

/// <summary>The mesh TLS clients of a <see cref="ServerAuthorizationClient"/>.</summary>
public sealed class ServerAuthorizationMeshTls
{
    /// <summary>Whether TLS clients without a mesh identity are authorized.</summary>
    [JsonPropertyName("unauthenticatedTLS")]
    [YamlMember(Alias = "unauthenticatedTLS")]
    public bool? UnauthenticatedTls { get; set; }

    /// <summary>Mesh TLS identities.</summary>
    [JsonPropertyName("identities")]
    [YamlMember(Alias = "identities")]
    public List<string>? Identities { get; set; }

    /// <summary>Service accounts.</summary>
    [JsonPropertyName("serviceAccounts")]
    [YamlMember(Alias = "serviceAccounts")]
    public List<ServiceAccountName>? ServiceAccounts { get; set; }
}
