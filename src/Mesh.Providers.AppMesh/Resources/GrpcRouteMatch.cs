using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>The match of a gRPC route; every condition set must hold, and no condition matches every request.</summary>
public sealed class GrpcRouteMatch
{
    /// <summary>The fully qualified gRPC service, e.g. <c>pkg.Greeter</c>.</summary>
    [JsonPropertyName("serviceName")]
    [YamlMember(Alias = "serviceName")]
    public string? ServiceName { get; set; }

    /// <summary>The method; requires <see cref="ServiceName"/>.</summary>
    [JsonPropertyName("methodName")]
    [YamlMember(Alias = "methodName")]
    public string? MethodName { get; set; }

    /// <summary>Request metadata conditions (at most 10).</summary>
    [JsonPropertyName("metadata")]
    [YamlMember(Alias = "metadata")]
    public List<HeaderMatch>? Metadata { get; set; }

    /// <summary>The router listener port the route applies to; needed when the router has several listeners.</summary>
    [JsonPropertyName("port")]
    [YamlMember(Alias = "port")]
    public int? Port { get; set; }
}
