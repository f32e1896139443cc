using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>The timeout of a TCP route or listener.</summary>
public sealed class TcpTimeout
{
    /// <summary>How long a connection may stay idle.</summary>
    [JsonPropertyName("idle")]
    [YamlMember(Alias = "idle")]
    public AppMeshDuration? Idle { get; set; }
}
