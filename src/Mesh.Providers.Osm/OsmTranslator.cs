using Mesh.Diagnostics;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Osm.Translation;
using Mesh.Translation;

namespace Mesh.Providers.Osm;

/// <summary>
/// Translates the unified model to Open Service Mesh (OSM v1.2.4 with SMI): a <c>TrafficSplit</c> (<c>split.smi-spec.io/v1alpha2</c>)
/// per routed host, over backend Services — a subset's leaf Service, written by the shell per <see cref="OsmOptions.ServiceOutput"/>;
/// access policies as <c>TrafficTarget</c>s (<c>access.smi-spec.io/v1alpha3</c>) with the <c>HTTPRouteGroup</c> and <c>TCPRoute</c>
/// (<c>specs.smi-spec.io/v1alpha4</c>) they allow; retries as <c>Retry</c>, connection limits as <c>UpstreamTrafficSetting</c> and
/// external services as <c>Egress</c> (<c>policy.openservicemesh.io/v1alpha1</c>); and the mesh-wide settings the model decides as a
/// partial <c>MeshConfig</c> to merge into the installed one. What OSM cannot express (request matching, timeouts, faults, mirrors,
/// rewrites, redirects, header changes, load balancing, outlier detection, deny rules, non-strict mTLS) is reported.
/// Import reads those resources back (with the core Services, leaf Services folded into subsets), reporting every field the model
/// does not carry and, where SMI leaves overlapping TrafficSplits or TrafficTargets undefined, which one the model kept. Stateless
/// and thread-safe.
/// </summary>
public sealed class OsmTranslator : KubernetesTranslator<OsmOptions>
{
    /// <summary>Creates a translator with default <see cref="OsmOptions"/>.</summary>
    public OsmTranslator()
        : this(new OsmOptions())
    {
    }

    /// <summary>Creates a translator with <paramref name="options"/>.</summary>
    /// <param name="options">The options.</param>
    public OsmTranslator(OsmOptions options)
        : base(options)
    {
    }

    /// <inheritdoc />
    public override ProviderName Provider => ProviderName.Osm;

    /// <inheritdoc />
    public override ProviderCapabilities Capabilities => OsmCapabilities.For(Options.ServiceOutput);

    /// <inheritdoc />
    protected override ResourceCatalog Catalog => OsmCatalog.Instance;

    /// <summary>OSM's own <c>appProtocol</c> values (<c>http</c>, <c>grpc</c>, <c>tcp</c>): HTTP/2 is written <c>http</c>, TLS <c>tcp</c>.</summary>
    protected override string? AppProtocolOf(Protocol protocol) => Mapping.ServicePortMapping.AppProtocolOf(protocol);

    /// <inheritdoc />
    protected override (IReadOnlyList<object> Resources, IReadOnlyList<Diagnostic> Diagnostics) Export(MeshConfig config, LeafServicePlan leaves) =>
        OsmExport.ToOsm(config, leaves, Options);

    /// <inheritdoc />
    protected override ImportResult ImportResources(IReadOnlyList<(object Resource, string Source)> resources, ImportContext context, ImportOptions? options) =>
        OsmImport.ToModel(resources, context, Options, options);
}
