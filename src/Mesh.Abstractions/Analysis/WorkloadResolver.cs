using Mesh.Collections;
using Mesh.Model;

namespace Mesh.Analysis;

/// <summary>Resolves the service references of one model (backends, mirrors) to workloads and the ports on them.</summary>
internal sealed class WorkloadResolver
{
    private readonly Dictionary<ServiceRef, MeshService> _services = [];
    private readonly Dictionary<ServiceRef, ExternalService> _externals = [];
    private readonly Dictionary<ServiceRef, MeshService> _cluster = [];

    /// <param name="config">The model whose references are resolved.</param>
    /// <param name="clusterServices">Services whose selector and ports replace the model's (see <see cref="MeshBehaviour.Of(MeshConfig, IEnumerable{MeshService})"/>), or null.</param>
    public WorkloadResolver(MeshConfig config, IEnumerable<MeshService>? clusterServices = null)
    {
        foreach (var service in clusterServices ?? [])
        {
            if (service is { Name: not null, Namespace: not null }) _cluster.TryAdd(service.Reference, service);
        }
        // The first of a name wins, as in MeshConfig.FindService (a second one is a validation error).
        foreach (var service in config.Services)
        {
            if (service is { Name: not null, Namespace: not null }) _services.TryAdd(service.Reference, service);
        }
        foreach (var external in config.ExternalServices)
        {
            if (external is { Name: not null, Namespace: not null }) _externals.TryAdd(new ServiceRef(external.Name, external.Namespace), external);
        }
    }

    /// <summary>
    /// The port HTTP requests to <paramref name="host"/> arrive on when only one can carry them — its single HTTP, HTTP/2 or
    /// gRPC port (an HTTP rule sees no traffic of TCP or TLS ports) — else null.
    /// </summary>
    public int? HttpRequestPort(ServiceRef host)
    {
        var ports = Declared(host)?.Ports.Where(p => p?.Protocol is Protocol.Http or Protocol.Http2 or Protocol.Grpc).ToList();
        return ports is [{ } only] ? only.Port : null;
    }

    /// <summary>The workload and port of <paramref name="service"/>/<paramref name="subset"/> on <paramref name="port"/>.</summary>
    /// <param name="service">The service referenced.</param>
    /// <param name="subset">The subset, or null for the whole service.</param>
    /// <param name="port">The service port named, or null.</param>
    /// <param name="requestPort">The port the traffic arrived on when known (a TCP route's port), else null.</param>
    public (Workload Workload, TargetPort? Port) Resolve(ServiceRef service, string? subset, int? port, int? requestPort)
    {
        var declared = Declared(service);
        if (declared is not null)
        {
            var labels = declared.WorkloadLabels(subset) ?? declared.EffectiveSelector.SetItem(Workload.UndefinedSubsetKey, subset!);
            return (new Workload(service.Namespace, labels), Port(declared.Ports, port, requestPort));
        }
        if (_externals.TryGetValue(service, out var external))
        {
            var hosts = string.Join(' ', external.Hosts.Where(h => h is not null).Select(h => h.ToLowerInvariant()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
            EquatableMap<string> labels = [new(Workload.ExternalHostsKey, hosts)];
            if (subset is not null) labels = labels.SetItem(Workload.UndefinedSubsetKey, subset);
            return (new Workload(service.Namespace, labels), Port(external.Ports, port, requestPort));
        }
        // Not declared: the default selector { app: <name> } in the reference's namespace, the port as its own number.
        var defaults = MeshService.DefaultSelector(service.Name);
        if (subset is not null) defaults = defaults.SetItem(Workload.UndefinedSubsetKey, subset);
        return (new Workload(service.Namespace, defaults), (port ?? requestPort) is { } number ? TargetPort.Of(number) : null);
    }

    /// <summary>The service as the model declares it, with the selector and ports of the cluster's service of its name when there is one.</summary>
    private MeshService? Declared(ServiceRef service)
    {
        var inModel = _services.GetValueOrDefault(service);
        if (!_cluster.TryGetValue(service, out var inCluster)) return inModel;
        // The subsets are the mesh's configuration; which pods a Service selects and where its ports forward are the cluster's.
        return inModel is null
            ? inCluster with { Subsets = [] }
            : inModel with { Selector = inCluster.Selector, Ports = inCluster.Ports };
    }

    private static TargetPort? Port(EquatableArray<ServicePort> ports, int? port, int? requestPort)
    {
        var number = port ?? (ports.Count == 1 && ports[0] is { } only ? only.Port : requestPort);
        if (number is null) return null;
        foreach (var candidate in ports)
        {
            if (candidate?.Port == number) return candidate.EffectiveTargetPort;
        }
        return TargetPort.Of(number.Value);
    }
}
