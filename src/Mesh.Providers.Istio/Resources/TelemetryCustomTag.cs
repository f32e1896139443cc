using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>A span tag of a <c>Telemetry</c>: one of a literal, an environment variable or a request header.</summary>
public sealed class TelemetryCustomTag
{
    /// <summary>A fixed value.</summary>
    [JsonPropertyName("literal")]
    [YamlMember(Alias = "literal")]
    public TelemetryTagValue? Literal { get; set; }

    /// <summary>An environment variable of the proxy.</summary>
    [JsonPropertyName("environment")]
    [YamlMember(Alias = "environment")]
    public TelemetryTagSource? Environment { get; set; }

    /// <summary>A request header.</summary>
    [JsonPropertyName("header")]
    [YamlMember(Alias = "header")]
    public TelemetryTagSource? Header { get; set; }
}
