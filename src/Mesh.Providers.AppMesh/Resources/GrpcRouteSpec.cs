using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>A gRPC route of a virtual router.</summary>
public sealed class GrpcRouteSpec
{
    /// <summary>The requests it takes (required).</summary>
    [JsonPropertyName("match")]
    [YamlMember(Alias = "match")]
    public GrpcRouteMatch? Match { get; set; }

    /// <summary>Where they go (required).</summary>
    [JsonPropertyName("action")]
    [YamlMember(Alias = "action")]
    public RouteAction? Action { get; set; }

    /// <summary>The retries.</summary>
    [JsonPropertyName("retryPolicy")]
    [YamlMember(Alias = "retryPolicy")]
    public RetryPolicy? RetryPolicy { get; set; }

    /// <summary>The timeouts.</summary>
    [JsonPropertyName("timeout")]
    [YamlMember(Alias = "timeout")]
    public RouteTimeout? Timeout { get; set; }
}
