using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Consul.Resources;
using Mesh.Translation;

namespace Mesh.Providers.Consul.Translation;

/// <summary>
/// The state of one translation to Consul: the kit's <see cref="ExportContext"/> with the options and the config entries being
/// built, one per Consul service and kind (several model concepts write into one <c>ServiceDefaults</c> or
/// <c>ServiceResolver</c>). Diagnostics go through the <c>…Once</c> methods: a cause repeated on every caller is reported once.
/// </summary>
internal sealed class ConsulExportContext(ConsulOptions options, MeshConfig config) : ExportContext(ProviderName.Consul, config)
{
    public ConsulOptions Options { get; } = options;

    public bool Enterprise => Options.Edition == ConsulEdition.Enterprise;

    public Dictionary<ServiceRef, ServiceDefaults> Defaults { get; } = [];

    private Mapping.Callers? _callers;
    private Mapping.ServiceNames? _serviceNames;

    /// <summary>The model's services by name and by namespace (built on first use).</summary>
    public Mapping.ServiceNames ServiceNames => _serviceNames ??= new Mapping.ServiceNames(Config);

    /// <summary>Which model services may call each service (built on first use).</summary>
    public Mapping.Callers Callers => _callers ??= new Mapping.Callers(Config);

    public Dictionary<ServiceRef, ServiceResolver> Resolvers { get; } = [];

    /// <summary>The <c>ServiceDefaults</c> of <paramref name="service"/>, created on first use.</summary>
    public ServiceDefaults DefaultsOf(ServiceRef service)
    {
        if (!Defaults.TryGetValue(service, out var entry)) Defaults[service] = entry = ConsulEntries.Create<ServiceDefaults>(service);
        return entry;
    }

    /// <summary>The <c>ServiceResolver</c> of <paramref name="service"/>, created on first use.</summary>
    public ServiceResolver ResolverOf(ServiceRef service)
    {
        if (!Resolvers.TryGetValue(service, out var entry)) Resolvers[service] = entry = ConsulEntries.Create<ServiceResolver>(service);
        return entry;
    }

    /// <summary>
    /// The <c>namespace</c> a spec field naming a service of <paramref name="targetNamespace"/> from an entry in <paramref name="from"/> carries: the
    /// target's namespace on Enterprise when it differs (namespace mirroring), never on Community Edition (one namespace).
    /// </summary>
    public string? NamespaceField(string targetNamespace, string from) =>
        Enterprise && !string.Equals(targetNamespace, from, StringComparison.Ordinal) ? targetNamespace : null;

    /// <summary>The <c>partition</c> a spec field carries: <see cref="ConsulOptions.Partition"/> on Enterprise only.</summary>
    public string? PartitionField => Enterprise ? Options.Partition : null;
}
