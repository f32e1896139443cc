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

    /// <summary>The name this port has after normalisation.</summary>
    public string EffectiveName => Name ?? $"{WireNames.Of(Protocol)}-{Port}";
}
