using Mesh.Kubernetes;
using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Linkerd.Resources;

/// <summary>The spec of a <see cref="Server"/>.</summary>
public sealed class ServerSpec
{
    /// <summary>The pods the Server applies to.</summary>
    [JsonPropertyName("podSelector")]
    [YamlMember(Alias = "podSelector")]
    public LabelSelector? PodSelector { get; set; }

    /// <summary>The port: a number (<see cref="int"/>) or a container port name (<see cref="string"/>).</summary>
    [JsonPropertyName("port")]
    [JsonConverter(typeof(IntOrStringConverter))]
    [YamlMember(Alias = "port")]
    public object? Port { get; set; }

    /// <summary>The protocol: <c>unknown</c> (detected), <c>HTTP/1</c>, <c>HTTP/2</c>, <c>gRPC</c>, <c>opaque</c> or <c>TLS</c>; absent means <c>unknown</c>.</summary>
    [JsonPropertyName("proxyProtocol")]
    [YamlMember(Alias = "proxyProtocol")]
    public string? ProxyProtocol { get; set; }

    /// <summary>The default policy for traffic no AuthorizationPolicy allows (e.g. <c>deny</c>, <c>all-authenticated</c>); absent means <c>deny</c>.</summary>
    [JsonPropertyName("accessPolicy")]
    [YamlMember(Alias = "accessPolicy")]
    public string? AccessPolicy { get; set; }

    /// <summary>The external workloads (outside Kubernetes) the Server applies to, instead of <see cref="PodSelector"/>.</summary>
    [JsonPropertyName("externalWorkloadSelector")]
    [YamlMember(Alias = "externalWorkloadSelector")]
    public LabelSelector? ExternalWorkloadSelector { get; set; }
}
