using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Osm.Resources;

/// <summary>A backend of an <see cref="IngressBackend"/>.</summary>
public sealed class IngressBackendTarget
{
    /// <summary>The backend Service's name (required).</summary>
    [JsonPropertyName("name")]
    [YamlMember(Alias = "name")]
    public string? Name { get; set; }

    /// <summary>The backend's port (required).</summary>
    [JsonPropertyName("port")]
    [YamlMember(Alias = "port")]
    public IngressBackendPort? Port { get; set; }

    /// <summary>TLS from the ingress to the backend.</summary>
    [JsonPropertyName("tls")]
    [YamlMember(Alias = "tls")]
    public IngressBackendTls? Tls { get; set; }
}
