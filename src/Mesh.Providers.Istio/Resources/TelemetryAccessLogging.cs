using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>A <c>Telemetry</c> access logging entry.</summary>
public sealed class TelemetryAccessLogging
{
    /// <summary>Whether access logging is off.</summary>
    [JsonPropertyName("disabled")]
    [YamlMember(Alias = "disabled")]
    public bool? Disabled { get; set; }
}
