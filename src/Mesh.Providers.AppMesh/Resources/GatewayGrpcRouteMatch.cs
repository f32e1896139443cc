using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>The match of a gRPC gateway route; every condition set must hold.</summary>
public sealed class GatewayGrpcRouteMatch
{
    /// <summary>The fully qualified gRPC service.</summary>
    [JsonPropertyName("serviceName")]
    [YamlMember(Alias = "serviceName")]
    public string? ServiceName { get; set; }

    /// <summary>The requested host name.</summary>
    [JsonPropertyName("hostname")]
    [YamlMember(Alias = "hostname")]
    public GatewayRouteHostnameMatch? Hostname { get; set; }

    /// <summary>Request metadata conditions (at most 10).</summary>
    [JsonPropertyName("metadata")]
    [YamlMember(Alias = "metadata")]
    public List<HeaderMatch>? Metadata { get; set; }

    /// <summary>The gateway listener port the route applies to; needed when the gateway has several listeners.</summary>
    [JsonPropertyName("port")]
    [YamlMember(Alias = "port")]
    public int? Port { get; set; }
}
