namespace Mesh.Model;

/// <summary>A port a service (or an external service) listens on.</summary>
public sealed record ServicePort
{
    /// <summary>The port name.</summary>
    /// <value>Null means "derive it": <see cref="MeshConfig.Normalize"/> sets <c>&lt;protocol&gt;-&lt;port&gt;</c>, e.g. <c>http-9080</c>.</value>
    public string? Name { get; init; }

    /// <summary>The port number, 1–65535.</summary>
    public required int Port { get; init; }

    /// <summary>The application protocol spoken on the port.</summary>
    public required Protocol Protocol { get; init; }

    /// <summary>The port on the workloads that traffic to this port is forwarded to (YAML <c>targetPort</c>: a number or a container port name).</summary>
    /// <value>Null means "the same number as <see cref="Port"/>"; <see cref="MeshConfig.Normalize"/> makes it explicit.</value>
    public TargetPort? TargetPort { get; init; }

    /// <summary>The target port after normalisation: <see cref="TargetPort"/>, or <see cref="Port"/> when it is null.</summary>
    public TargetPort EffectiveTargetPort => TargetPort ?? Model.TargetPort.Of(Port);

    /// <summary>The name this port has after normalisation.</summary>
    public string EffectiveName => Name ?? $"{WireNames.Of(Protocol)}-{Port}";
}
