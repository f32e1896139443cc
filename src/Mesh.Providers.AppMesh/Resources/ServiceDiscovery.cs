using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>How a virtual node's instances are discovered; one is set.</summary>
public sealed class ServiceDiscovery
{
    /// <summary>A DNS name resolved by the Envoys.</summary>
    [JsonPropertyName("dns")]
    [YamlMember(Alias = "dns")]
    public DnsServiceDiscovery? Dns { get; set; }

    /// <summary>An AWS Cloud Map service.</summary>
    [JsonPropertyName("awsCloudMap")]
    [YamlMember(Alias = "awsCloudMap")]
    public AwsCloudMapServiceDiscovery? AwsCloudMap { get; set; }
}
