using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.GatewayApi.Resources;

/// <summary>A weighted backend of a rule: a Service and port (for Linkerd's egress routes, the parent <c>EgressNetwork</c>: the original destination).</summary>
public sealed class BackendRef
{
    /// <summary>The API group of the backend; <c>""</c> (core) for a Service.</summary>
    [JsonPropertyName("group")]
    [YamlMember(Alias = "group")]
    public string? Group { get; set; }

    /// <summary>The kind of the backend; <c>Service</c> when absent.</summary>
    [JsonPropertyName("kind")]
    [YamlMember(Alias = "kind")]
    public string? Kind { get; set; }

    /// <summary>The backend's name.</summary>
    [JsonPropertyName("name")]
    [YamlMember(Alias = "name")]
    public string? Name { get; set; }

    /// <summary>The backend's namespace; absent means the route's own.</summary>
    [JsonPropertyName("namespace")]
    [YamlMember(Alias = "namespace")]
    public string? Namespace { get; set; }

    /// <summary>The backend port.</summary>
    [JsonPropertyName("port")]
    [YamlMember(Alias = "port")]
    public int? Port { get; set; }

    /// <summary>The relative share of traffic (0 to 1,000,000); 1 when absent.</summary>
    [JsonPropertyName("weight")]
    [YamlMember(Alias = "weight")]
    public int? Weight { get; set; }
}
