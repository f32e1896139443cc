using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>The spec of a <c>ServiceEntry</c>: a service added to the mesh's registry.</summary>
public sealed class ServiceEntrySpec
{
    /// <summary>The DNS names.</summary>
    [JsonPropertyName("hosts")]
    [YamlMember(Alias = "hosts")]
    public List<string>? Hosts { get; set; }

    /// <summary>Virtual IPs or CIDR blocks.</summary>
    [JsonPropertyName("addresses")]
    [YamlMember(Alias = "addresses")]
    public List<string>? Addresses { get; set; }

    /// <summary>The ports.</summary>
    [JsonPropertyName("ports")]
    [YamlMember(Alias = "ports")]
    public List<ServicePort>? Ports { get; set; }

    /// <summary><c>MESH_EXTERNAL</c> or <c>MESH_INTERNAL</c>.</summary>
    [JsonPropertyName("location")]
    [YamlMember(Alias = "location")]
    public string? Location { get; set; }

    /// <summary><c>NONE</c>, <c>STATIC</c> or <c>DNS</c>.</summary>
    [JsonPropertyName("resolution")]
    [YamlMember(Alias = "resolution")]
    public string? Resolution { get; set; }

    /// <summary>Static endpoints.</summary>
    [JsonPropertyName("endpoints")]
    [YamlMember(Alias = "endpoints")]
    public List<WorkloadEntry>? Endpoints { get; set; }
}
