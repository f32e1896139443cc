using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>The spec of a <c>Telemetry</c>: the fields the model carries (the rest are reported as unknown on import).</summary>
public sealed class TelemetrySpec
{
    /// <summary>The workloads it applies to; null: every workload of its namespace (of the mesh, in the root namespace).</summary>
    [JsonPropertyName("selector")]
    [YamlMember(Alias = "selector")]
    public WorkloadSelector? Selector { get; set; }

    /// <summary>Tracing settings (the model takes one entry).</summary>
    [JsonPropertyName("tracing")]
    [YamlMember(Alias = "tracing")]
    public List<TelemetryTracing>? Tracing { get; set; }

    /// <summary>Access logging settings (the model takes one entry).</summary>
    [JsonPropertyName("accessLogging")]
    [YamlMember(Alias = "accessLogging")]
    public List<TelemetryAccessLogging>? AccessLogging { get; set; }
}
