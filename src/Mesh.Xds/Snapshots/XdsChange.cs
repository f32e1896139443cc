using Mesh.Model;

namespace Mesh.Xds;

/// <summary>What changed since the previous snapshot, so that <see cref="XdsEncoder.Update"/> re-encodes only what it affects.</summary>
public sealed record XdsChange
{
    private XdsChange(XdsChangeKind kind, ServiceRef service)
    {
        Kind = kind;
        Service = service;
    }

    /// <summary>The kind of change.</summary>
    public XdsChangeKind Kind { get; }

    /// <summary>The service whose endpoints or routes changed (unused for <see cref="XdsChangeKind.Model"/>).</summary>
    public ServiceRef Service { get; }

    /// <summary>Only the endpoints of one service changed; the model is the previous snapshot's.</summary>
    /// <param name="service">The service.</param>
    /// <returns>The change.</returns>
    public static XdsChange Endpoints(ServiceRef service) => new(XdsChangeKind.Endpoints, service);

    /// <summary>Only the HTTP routes for one host service changed.</summary>
    /// <param name="host">The route host.</param>
    /// <returns>The change.</returns>
    public static XdsChange Routes(ServiceRef host) => new(XdsChangeKind.Routes, host);

    /// <summary>Anything in the model may have changed: everything is re-encoded and compared.</summary>
    public static XdsChange Model { get; } = new(XdsChangeKind.Model, default);
}
