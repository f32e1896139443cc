using Mesh.Diagnostics;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Consul.Translation;
using Mesh.Translation;

namespace Mesh.Providers.Consul;

/// <summary>
/// Translates the unified model to Consul service mesh config entries (consul-k8s <c>consul.hashicorp.com/v1alpha1</c>): a
/// <c>ServiceDefaults</c> per service (protocol, mTLS mode, and caller-side upstream limits and passive health checks for the
/// services it may call); the discovery chain of each routed service — <c>ServiceRouter</c> (the rules, first match wins),
/// <c>ServiceSplitter</c> (weights as percentages summing to 100) and <c>ServiceResolver</c> (subsets as filters on service
/// metadata, load balancer); <c>ServiceIntentions</c> per protected service; <c>ProxyDefaults</c> and <c>Mesh</c> for mesh-wide
/// mTLS; external services as destinations behind a <c>TerminatingGateway</c>. Import reads the
/// discovery chains back into routes and subsets.
/// Stateless and thread-safe.
/// </summary>
public sealed class ConsulTranslator : KubernetesTranslator<ConsulOptions>
{
    /// <summary>Creates a translator with default <see cref="ConsulOptions"/>.</summary>
    public ConsulTranslator()
        : this(new ConsulOptions())
    {
    }

    /// <summary>Creates a translator with <paramref name="options"/>.</summary>
    /// <param name="options">The options.</param>
    public ConsulTranslator(ConsulOptions options)
        : base(options)
    {
    }

    /// <inheritdoc />
    public override ProviderName Provider => ProviderName.Consul;

    /// <inheritdoc />
    public override ProviderCapabilities Capabilities => ConsulCapabilities.Instance;

    /// <inheritdoc />
    protected override ResourceCatalog Catalog => ConsulImport.Catalog;

    /// <summary>Consul routes to subsets itself (ServiceResolver subsets): no leaf Service is planned.</summary>
    protected override bool SubsetsAreNative => true;

    /// <inheritdoc />
    protected override (IReadOnlyList<object> Resources, IReadOnlyList<Diagnostic> Diagnostics) Export(MeshConfig config, LeafServicePlan leaves) =>
        ConsulExport.ToConsul(config, Options);

    /// <inheritdoc />
    protected override ImportResult ImportResources(IReadOnlyList<(object Resource, string Source)> resources, ImportContext context, ImportOptions? options) =>
        ConsulImport.ToModel(resources, context, Options, options);
}
