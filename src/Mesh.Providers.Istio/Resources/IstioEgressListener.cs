using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>An egress listener of a <c>Sidecar</c>.</summary>
public sealed class IstioEgressListener
{
    /// <summary>The port the listener is for; null: every port of the hosts (the catch-all listener).</summary>
    [JsonPropertyName("port")]
    [YamlMember(Alias = "port")]
    public SidecarPort? Port { get; set; }

    /// <summary>The address the listener binds to.</summary>
    [JsonPropertyName("bind")]
    [YamlMember(Alias = "bind")]
    public string? Bind { get; set; }

    /// <summary>How traffic reaches the listener (<c>DEFAULT</c>, <c>IPTABLES</c>, <c>NONE</c>).</summary>
    [JsonPropertyName("captureMode")]
    [YamlMember(Alias = "captureMode")]
    public string? CaptureMode { get; set; }

    /// <summary>Reachable hosts as <c>namespace/dnsName</c>.</summary>
    [JsonPropertyName("hosts")]
    [YamlMember(Alias = "hosts")]
    public List<string>? Hosts { get; set; }
}
