using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>Request limits of an HTTP/2 or gRPC listener.</summary>
public sealed class RequestConnectionPool
{
    /// <summary>The most requests in flight to all hosts of the upstream cluster (required).</summary>
    [JsonPropertyName("maxRequests")]
    [YamlMember(Alias = "maxRequests")]
    public int? MaxRequests { get; set; }
}
