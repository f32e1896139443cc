using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Osm.Resources;

/// <summary>The tracing settings.</summary>
public sealed class TracingSpec
{
    /// <summary>Whether tracing is on.</summary>
    [JsonPropertyName("enable")]
    [YamlMember(Alias = "enable")]
    public bool? Enable { get; set; }

    /// <summary>The collector's port.</summary>
    [JsonPropertyName("port")]
    [YamlMember(Alias = "port")]
    public int? Port { get; set; }

    /// <summary>The collector's address.</summary>
    [JsonPropertyName("address")]
    [YamlMember(Alias = "address")]
    public string? Address { get; set; }

    /// <summary>The collector's endpoint.</summary>
    [JsonPropertyName("endpoint")]
    [YamlMember(Alias = "endpoint")]
    public string? Endpoint { get; set; }
}
