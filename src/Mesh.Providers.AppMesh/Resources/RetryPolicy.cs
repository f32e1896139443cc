using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>The retry policy of an HTTP, HTTP/2 or gRPC route.</summary>
public sealed class RetryPolicy
{
    /// <summary>The most retries of one request (required).</summary>
    [JsonPropertyName("maxRetries")]
    [YamlMember(Alias = "maxRetries")]
    public int? MaxRetries { get; set; }

    /// <summary>The timeout of each try (required).</summary>
    [JsonPropertyName("perRetryTimeout")]
    [YamlMember(Alias = "perRetryTimeout")]
    public AppMeshDuration? PerRetryTimeout { get; set; }

    /// <summary>HTTP outcomes retried: <c>server-error</c>, <c>gateway-error</c>, <c>client-error</c> (409), <c>stream-error</c>.</summary>
    [JsonPropertyName("httpRetryEvents")]
    [YamlMember(Alias = "httpRetryEvents")]
    public List<string>? HttpRetryEvents { get; set; }

    /// <summary>gRPC statuses retried (gRPC routes only): <c>cancelled</c>, <c>deadline-exceeded</c>, <c>internal</c>, <c>resource-exhausted</c>, <c>unavailable</c>.</summary>
    [JsonPropertyName("grpcRetryEvents")]
    [YamlMember(Alias = "grpcRetryEvents")]
    public List<string>? GrpcRetryEvents { get; set; }

    /// <summary>Connection failures retried: <c>connection-error</c>.</summary>
    [JsonPropertyName("tcpRetryEvents")]
    [YamlMember(Alias = "tcpRetryEvents")]
    public List<string>? TcpRetryEvents { get; set; }
}
