using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>The active health check of a listener's targets.</summary>
public sealed class HealthCheck
{
    /// <summary>The protocol of the check: <c>http</c>, <c>http2</c>, <c>grpc</c> or <c>tcp</c> (<c>tcp</c> not on virtual gateways).</summary>
    [JsonPropertyName("protocol")]
    [YamlMember(Alias = "protocol")]
    public string? Protocol { get; set; }

    /// <summary>The port checked; absent means the listener's port.</summary>
    [JsonPropertyName("port")]
    [YamlMember(Alias = "port")]
    public int? Port { get; set; }

    /// <summary>The path requested by HTTP checks.</summary>
    [JsonPropertyName("path")]
    [YamlMember(Alias = "path")]
    public string? Path { get; set; }

    /// <summary>The time between checks, in milliseconds (5000 to 300000).</summary>
    [JsonPropertyName("intervalMillis")]
    [YamlMember(Alias = "intervalMillis")]
    public long? IntervalMillis { get; set; }

    /// <summary>How long a check may take, in milliseconds (2000 to 60000).</summary>
    [JsonPropertyName("timeoutMillis")]
    [YamlMember(Alias = "timeoutMillis")]
    public long? TimeoutMillis { get; set; }

    /// <summary>Consecutive successes that mark a target healthy (2 to 10; required on virtual nodes).</summary>
    [JsonPropertyName("healthyThreshold")]
    [YamlMember(Alias = "healthyThreshold")]
    public int? HealthyThreshold { get; set; }

    /// <summary>Consecutive failures that mark a target unhealthy (2 to 10).</summary>
    [JsonPropertyName("unhealthyThreshold")]
    [YamlMember(Alias = "unhealthyThreshold")]
    public int? UnhealthyThreshold { get; set; }
}
