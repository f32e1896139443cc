using System.Text.Json.Serialization;

namespace Mesh.Kubernetes;

/// <summary>A port of a <see cref="CoreServiceSpec"/>.</summary>
public sealed class CoreServicePort
{
    /// <summary>The port name (required by Kubernetes when the Service has more than one port).</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The port clients connect to.</summary>
    [JsonPropertyName("port")]
    public int? Port { get; set; }

    /// <summary>The pods' port: a number (<see cref="int"/>) or a container port name (<see cref="string"/>); absent means <see cref="Port"/>.</summary>
    [JsonPropertyName("targetPort")]
    [JsonConverter(typeof(IntOrStringConverter))]
    public object? TargetPort { get; set; }

    /// <summary><c>TCP</c> (absent), <c>UDP</c> or <c>SCTP</c>.</summary>
    [JsonPropertyName("protocol")]
    public string? Protocol { get; set; }

    /// <summary>The application protocol (e.g. <c>http</c>, <c>kubernetes.io/h2c</c>, <c>linkerd.io/opaque</c>).</summary>
    [JsonPropertyName("appProtocol")]
    public string? AppProtocol { get; set; }
}
