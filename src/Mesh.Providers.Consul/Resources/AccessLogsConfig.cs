using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>The access logs of every proxy (<c>ProxyDefaults.spec.accessLogs</c>).</summary>
public sealed class AccessLogsConfig
{
    /// <summary>Whether every proxy writes access logs; absent means off.</summary>
    [JsonPropertyName("enabled")]
    [YamlMember(Alias = "enabled")]
    public bool? Enabled { get; set; }

    /// <summary>Turns off only the listener logs of connections Envoy rejects for lack of a matching listener filter.</summary>
    [JsonPropertyName("disableListenerLogs")]
    [YamlMember(Alias = "disableListenerLogs")]
    public bool? DisableListenerLogs { get; set; }

    /// <summary>Where logs go: <c>stdout</c> (the default), <c>stderr</c> or <c>file</c>.</summary>
    [JsonPropertyName("type")]
    [YamlMember(Alias = "type")]
    public string? Type { get; set; }

    /// <summary>The file of <c>file</c> logging.</summary>
    [JsonPropertyName("path")]
    [YamlMember(Alias = "path")]
    public string? Path { get; set; }

    /// <summary>An Envoy access log format dictionary, as a JSON string.</summary>
    [JsonPropertyName("jsonFormat")]
    [YamlMember(Alias = "jsonFormat")]
    public string? JsonFormat { get; set; }

    /// <summary>An Envoy access log format string.</summary>
    [JsonPropertyName("textFormat")]
    [YamlMember(Alias = "textFormat")]
    public string? TextFormat { get; set; }
}
