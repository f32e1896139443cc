using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Osm.Resources;

/// <summary>The external authorization of inbound calls.</summary>
public sealed class InboundExternalAuthorization
{
    /// <summary>Whether it is on.</summary>
    [JsonPropertyName("enable")]
    [YamlMember(Alias = "enable")]
    public bool? Enable { get; set; }

    /// <summary>The authorization server's address.</summary>
    [JsonPropertyName("address")]
    [YamlMember(Alias = "address")]
    public string? Address { get; set; }

    /// <summary>Its port.</summary>
    [JsonPropertyName("port")]
    [YamlMember(Alias = "port")]
    public int? Port { get; set; }

    /// <summary>The stats prefix.</summary>
    [JsonPropertyName("statPrefix")]
    [YamlMember(Alias = "statPrefix")]
    public string? StatPrefix { get; set; }

    /// <summary>The call timeout, a Go duration.</summary>
    [JsonPropertyName("timeout")]
    [YamlMember(Alias = "timeout")]
    public string? Timeout { get; set; }

    /// <summary>Whether calls are allowed when the server fails.</summary>
    [JsonPropertyName("failureModeAllow")]
    [YamlMember(Alias = "failureModeAllow")]
    public bool? FailureModeAllow { get; set; }
}
