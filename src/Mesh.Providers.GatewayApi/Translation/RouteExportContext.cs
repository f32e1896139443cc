using Mesh.Kubernetes;
using Mesh.Model;

namespace Mesh.Providers.GatewayApi.Translation;

/// <summary>
/// The state of one translation to Gateway API routes: the kit's <see cref="ExportContext"/> with the options and the
/// <see cref="RouteDialect"/> of the implementation written for (plain Gateway API, or a mesh built on it such as Linkerd).
/// </summary>
public sealed class RouteExportContext : ExportContext
{
    /// <summary>Creates the context of one translation.</summary>
    /// <param name="options">The Gateway API options.</param>
    /// <param name="config">The model being translated.</param>
    /// <param name="dialect">What the target implementation supports, or null for plain Gateway API.</param>
    public RouteExportContext(GatewayApiOptions options, MeshConfig config, RouteDialect? dialect = null)
        : base((dialect ?? RouteDialect.GatewayApi).ProviderId, config)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Dialect = dialect ?? RouteDialect.GatewayApi;
    }

    /// <summary>What the target implementation supports.</summary>
    public RouteDialect Dialect { get; }

    /// <summary>The Gateway API options.</summary>
    public GatewayApiOptions Options { get; }

    /// <summary>The message of a backend written with its service's only port, once per service and port.</summary>
    internal MessageCache<(ServiceRef Service, int Port)> OnlyPortMessages { get; } = new();
}
