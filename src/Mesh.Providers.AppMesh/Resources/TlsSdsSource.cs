using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>A certificate or trust bundle served by a Secret Discovery Service agent (e.g. SPIRE).</summary>
public sealed class TlsSdsSource
{
    /// <summary>The name of the SDS secret.</summary>
    [JsonPropertyName("secretName")]
    [YamlMember(Alias = "secretName")]
    public string? SecretName { get; set; }
}
