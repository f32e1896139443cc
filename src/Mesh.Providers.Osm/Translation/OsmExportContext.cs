using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Translation;

namespace Mesh.Providers.Osm.Translation;

/// <summary>
/// The state of one translation to OSM: the kit's <see cref="ExportContext"/> with the options, the leaf Services and the
/// settings the MeshConfig patch must carry, found while the resources are written.
/// </summary>
internal sealed class OsmExportContext(OsmOptions options, MeshConfig config, LeafServicePlan leaves) : ExportContext(ProviderName.Osm, config)
{
    public OsmOptions Options { get; } = options;

    /// <summary>The leaf Services written (empty with <see cref="ServiceOutput.None"/>).</summary>
    public LeafServicePlan Leaves { get; } = leaves;

    /// <summary>Whether a Retry was written (the MeshConfig then enables <c>featureFlags.enableRetryPolicy</c>).</summary>
    public bool RetriesWritten { get; set; }

    /// <summary>Whether an Egress was written (the MeshConfig then enables <c>featureFlags.enableEgressPolicy</c>).</summary>
    public bool EgressWritten { get; set; }

    /// <summary>The cluster FQDN of <paramref name="service"/> with the configured cluster domain.</summary>
    public string Fqdn(ServiceRef service) => service.ToFqdn(Options.ClusterDomain);
}
