using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>Discovery through DNS.</summary>
public sealed class DnsServiceDiscovery
{
    /// <summary>The DNS name of the instances, e.g. <c>reviews-v1.default.svc.cluster.local</c> (required).</summary>
    [JsonPropertyName("hostname")]
    [YamlMember(Alias = "hostname")]
    public string? Hostname { get; set; }

    /// <summary><c>LOADBALANCER</c> (one address) or <c>ENDPOINTS</c> (every address returned).</summary>
    [JsonPropertyName("responseType")]
    [YamlMember(Alias = "responseType")]
    public string? ResponseType { get; set; }
}
