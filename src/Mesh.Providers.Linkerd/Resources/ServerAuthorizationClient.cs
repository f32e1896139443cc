using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Linkerd.Resources;

/// <summary>The clients a <see cref="ServerAuthorization"/> authorizes.</summary>
public sealed class ServerAuthorizationClient
{
    /// <summary>The client networks (absent: every network).</summary>
    [JsonPropertyName("networks")]
    [YamlMember(Alias = "networks")]
    public List<Network>? Networks { get; set; }

    /// <summary>Whether clients without a mesh identity are authorized.</summary>
    [JsonPropertyName("unauthenticated")]
    [YamlMember(Alias = "unauthenticated")]
    public bool? Unauthenticated { get; set; }

    /// <summary>Mesh TLS clients.</summary>
    [JsonPropertyName("meshTLS")]
    [YamlMember(Alias = "meshTLS")]
    public ServerAuthorizationMeshTls? MeshTls { get; set; }
}
