using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Osm.Resources;

/// <summary>The sidecar settings of a <see cref="MeshConfigSpec"/>.</summary>
public sealed class SidecarSpec
{
    /// <summary>Whether the init container runs privileged.</summary>
    [JsonPropertyName("enablePrivilegedInitContainer")]
    [YamlMember(Alias = "enablePrivilegedInitContainer")]
    public bool? EnablePrivilegedInitContainer { get; set; }

    /// <summary>The Envoy log level.</summary>
    [JsonPropertyName("logLevel")]
    [YamlMember(Alias = "logLevel")]
    public string? LogLevel { get; set; }

    /// <summary>The most data-plane connections.</summary>
    [JsonPropertyName("maxDataPlaneConnections")]
    [YamlMember(Alias = "maxDataPlaneConnections")]
    public int? MaxDataPlaneConnections { get; set; }

    /// <summary>The Envoy image.</summary>
    [JsonPropertyName("envoyImage")]
    [YamlMember(Alias = "envoyImage")]
    public string? EnvoyImage { get; set; }

    /// <summary>The Envoy image for Windows nodes.</summary>
    [JsonPropertyName("envoyWindowsImage")]
    [YamlMember(Alias = "envoyWindowsImage")]
    public string? EnvoyWindowsImage { get; set; }

    /// <summary>The init container image.</summary>
    [JsonPropertyName("initContainerImage")]
    [YamlMember(Alias = "initContainerImage")]
    public string? InitContainerImage { get; set; }

    /// <summary>The sidecar's resource limits and requests.</summary>
    [JsonPropertyName("resources")]
    [YamlMember(Alias = "resources")]
    public SidecarResources? Resources { get; set; }

    /// <summary>The resync interval, a Go duration.</summary>
    [JsonPropertyName("configResyncInterval")]
    [YamlMember(Alias = "configResyncInterval")]
    public string? ConfigResyncInterval { get; set; }

    /// <summary>The lowest TLS version.</summary>
    [JsonPropertyName("tlsMinProtocolVersion")]
    [YamlMember(Alias = "tlsMinProtocolVersion")]
    public string? TlsMinProtocolVersion { get; set; }

    /// <summary>The highest TLS version.</summary>
    [JsonPropertyName("tlsMaxProtocolVersion")]
    [YamlMember(Alias = "tlsMaxProtocolVersion")]
    public string? TlsMaxProtocolVersion { get; set; }

    /// <summary>The TLS cipher suites.</summary>
    [JsonPropertyName("cipherSuites")]
    [YamlMember(Alias = "cipherSuites")]
    public List<string>? CipherSuites { get; set; }

    /// <summary>The ECDH curves.</summary>
    [JsonPropertyName("ecdhCurves")]
    [YamlMember(Alias = "ecdhCurves")]
    public List<string>? EcdhCurves { get; set; }

    /// <summary><c>Localhost</c> or <c>PodIP</c>.</summary>
    [JsonPropertyName("localProxyMode")]
    [YamlMember(Alias = "localProxyMode")]
    public string? LocalProxyMode { get; set; }
}
