using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>The timeouts of an HTTP, HTTP/2 or gRPC route or listener.</summary>
public sealed class RouteTimeout
{
    /// <summary>How long a request may take; absent means App Mesh's default, 15 seconds.</summary>
    [JsonPropertyName("perRequest")]
    [YamlMember(Alias = "perRequest")]
    public AppMeshDuration? PerRequest { get; set; }

    /// <summary>How long a connection may stay idle.</summary>
    [JsonPropertyName("idle")]
    [YamlMember(Alias = "idle")]
    public AppMeshDuration? Idle { get; set; }
}
