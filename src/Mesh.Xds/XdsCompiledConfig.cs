using Mesh.Diagnostics;
using Mesh.Xds.Planning;

namespace Mesh.Xds;

/// <summary>
/// A model resolved for one proxy (every name, reference, default and policy decided), reusable for any number
/// of encodes with different endpoints. Immutable and thread-safe.
/// </summary>
public sealed class XdsCompiledConfig
{
    internal XdsCompiledConfig(XdsPlan plan, IReadOnlyList<Diagnostic> diagnostics)
    {
        Plan = plan;
        Diagnostics = diagnostics;
    }

    internal XdsPlan Plan { get; }

    /// <summary>The proxy the model was resolved for.</summary>
    public XdsProxy Proxy => Plan.Proxy;

    /// <summary>What was found while resolving the model.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Whether any diagnostic is an error (then encoding refuses to produce output).</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>How many resources of each type the compiled configuration produces.</summary>
    /// <param name="type">The resource type.</param>
    /// <returns>The count.</returns>
    public int CountOf(XdsResourceType type) => type switch
    {
        XdsResourceType.Listener => Plan.Listeners.Length,
        XdsResourceType.RouteConfiguration => Plan.RouteConfigs.Length,
        XdsResourceType.Cluster => Plan.CdsCount,
        _ => Plan.Clusters.Length,
    };
}
