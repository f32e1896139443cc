using Mesh.Kubernetes;
using Mesh.Model;

namespace Mesh.Providers.GatewayApi.Translation;

/// <summary>
/// The state of one translation to Gateway API routes: the kit's <see cref="ExportContext"/> with the options, the
/// <see cref="RouteDialect"/> of the implementation written for (plain Gateway API, or a mesh built on it such as Linkerd)
/// and the leaf Services that backends to subsets name.
/// </summary>
public sealed class RouteExportContext : ExportContext
{
    /// <summary>Creates the context of one translation.</summary>
    /// <param name="options">The Gateway API options.</param>
    /// <param name="config">The model being translated.</param>
    /// <param name="dialect">What the target implementation supports, or null for plain Gateway API.</param>
    /// <param name="leaves">
    /// The leaf Services written with the routes (see <see cref="LeafServicePlan"/>), or null when none are: a backend, mirror
    /// or TCP backend to a subset then names the whole Service and the subset is reported.
    /// </param>
    public RouteExportContext(GatewayApiOptions options, MeshConfig config, RouteDialect? dialect = null, LeafServicePlan? leaves = null)
        : base((dialect ?? RouteDialect.GatewayApi).ProviderId, config)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Dialect = dialect ?? RouteDialect.GatewayApi;
        Leaves = leaves;
    }

    /// <summary>What the target implementation supports.</summary>
    public RouteDialect Dialect { get; }

    /// <summary>The Gateway API options.</summary>
    public GatewayApiOptions Options { get; }

    /// <summary>The leaf Services backends to subsets name, or null when no leaf Service is written (subsets are reported).</summary>
    public LeafServicePlan? Leaves { get; }

    /// <summary>The message of a backend written with its service's only port, once per service and port.</summary>
    internal MessageCache<(ServiceRef Service, int Port)> OnlyPortMessages { get; } = new();

    /// <summary>A context that writes the same routes but whose diagnostics are thrown away (the second and later routes of a route written once per parent port), indexing only <paramref name="services"/>.</summary>
    internal RouteExportContext Quiet(IEnumerable<MeshService> services) =>
        new(Options, new MeshConfig { Name = Config.Name, Services = [.. services] }, Dialect, Leaves);
}
