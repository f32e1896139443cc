using Mesh.Collections;
using Mesh.Model;

namespace Mesh.Xds;

/// <summary>The endpoints behind one port of one service.</summary>
public sealed record ServiceEndpoints
{
    /// <summary>The service, which must be in the model.</summary>
    public required ServiceRef Service { get; init; }

    /// <summary>The service port (one of the service's declared ports).</summary>
    public required int Port { get; init; }

    /// <summary>The endpoints.</summary>
    public EquatableArray<EndpointAddress> Addresses { get; init; }
}
