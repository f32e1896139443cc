using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.GatewayApi.Translation;
using Mesh.Providers.Linkerd.Resources;

namespace Mesh.Providers.Linkerd.Mapping;

/// <summary>
/// The target of an access policy ↔ <c>Server</c>s: a Server per port of the target service (named
/// <c>&lt;service&gt;[-&lt;subset&gt;]-&lt;port&gt;</c>), selecting its pods by <see cref="LinkerdOptions.WorkloadLabel"/> (the
/// service name) plus the subset's labels, <c>proxyProtocol</c> from the port's protocol (<see cref="ProxyProtocols"/>).
/// Read back, a Server stands for that port of the service its workload label names, and gives the service the port; a
/// Server's container port name is resolved through the Services of the input (<see cref="ServicePortMapping"/>). Static
/// members map model → Linkerd; an instance reads the Servers of one import.
/// </summary>
internal sealed class ServerMapping(LinkerdOptions options, ServicePortMapping services, ImportContext ctx)
{
    private readonly Dictionary<(string Namespace, string Name), (Server Server, string Source)> _servers = [];
    private readonly Dictionary<(string Namespace, string Name), (ServiceRef Service, int Port)> _workloads = [];
    private readonly HashSet<(string Namespace, string Name)> _used = [];

    /// <summary>
    /// Model → Linkerd: the Servers of <paramref name="policy"/>'s target, one per port of its service, in port order (none for a
    /// policy without target: it applies to the namespace, which is noted). False (reported) when the target cannot have
    /// Servers, and the policy is not written.
    /// </summary>
    public static bool ToLinkerd(AccessPolicy policy, string path, LinkerdOptions options, RouteExportContext ctx, out MeshService? service, out List<Server> servers)
    {
        service = null;
        servers = [];
        Dictionary<string, string>? labels = null;
        if (policy.Target is { } target)
        {
            if (target.Service.Namespace != policy.Namespace)
            {
                ctx.Unsupported($"{path}.target.service", $"A Server selects pods of its own namespace only; '{target.Service}' is not in '{policy.Namespace}', so the policy is not written.");
                return false;
            }
            service = ctx.FindService(target.Service);
            if (service is null || service.Ports.IsEmpty)
            {
                ctx.Unsupported($"{path}.target.service", $"A Server needs a port, and the model defines no ports for '{target.Service}'; the policy is not written.");
                return false;
            }
            labels = new Dictionary<string, string>(StringComparer.Ordinal) { [options.WorkloadLabel] = service.Name };
            if (target.Subset is { } subsetName)
            {
                var subset = service.FindSubset(subsetName);
                if (subset is null)
                {
                    ctx.Unsupported($"{path}.target.subset", $"Subset '{subsetName}' of '{target.Service}' is not defined, so its labels are unknown; the policy is not written.");
                    return false;
                }
                if (subset.Labels.TryGetValue(options.WorkloadLabel, out var own) && own != service.Name)
                {
                    ctx.Unsupported($"{path}.target.subset", $"Subset '{subsetName}' sets the '{options.WorkloadLabel}' label to '{own}', which the Server's selector uses for the service name; the policy is not written.");
                    return false;
                }
                foreach (var (key, value) in subset.Labels) labels[key] = value;
                ctx.Approximated($"{path}.target.subset", $"The Servers select the pods of subset '{subsetName}' by its labels; read back, the policy targets the whole service '{target.Service}' (the subset labels are reported).");
            }
        }
        if (service is not null)
        {
            // Every port of the target gets its Server, so that what no rule allows is denied on every port, as an allow policy means.
            servers = new List<Server>(service.Ports.Count);
            for (var p = 0; p < service.Ports.Count; p++)
            {
                var port = service.Ports[p];
                servers.Add(Server(ServerName(service, policy.Target!.Subset, port), service.Namespace, port, p == 0 ? labels! : new Dictionary<string, string>(labels!, StringComparer.Ordinal)));
            }
        }
        else
        {
            ctx.Note(path, $"A Namespace-wide AuthorizationPolicy applies to the Servers of namespace '{policy.Namespace}'; ports no Server covers keep the cluster's default policy.");
        }
        return true;
    }

    private static string ServerName(MeshService service, string? subset, ServicePort port) =>
        ResourceNames.Join(service.Name, subset ?? string.Empty, port.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static Server Server(string name, string ns, ServicePort port, Dictionary<string, string> labels) => new()
    {
        Metadata = { Name = name, NamespaceProperty = ns },
        Spec =
        {
            PodSelector = new LabelSelector { MatchLabels = labels },
            Port = port.Port,
            ProxyProtocol = ProxyProtocols.Of(port.Protocol),
        },
    };

    /// <summary>The service and port each Server read stands for (once <see cref="ToModel"/> has run).</summary>
    public IReadOnlyDictionary<(string Namespace, string Name), (ServiceRef Service, int Port)> Workloads => _workloads;

    /// <summary>Linkerd → model: reads a Server (the first of a name is kept).</summary>
    public void Read(Server server, string ns, string name, string source) => _servers.TryAdd((ns, name), (server, source));

    /// <summary>Linkerd → model: the Servers read, in name order: each gives its service its port in <paramref name="model"/>.</summary>
    public void ToModel(ModelBuilder model)
    {
        var workloads = _workloads;
        foreach (var ((ns, name), (server, source)) in _servers.OrderBy(s => s.Key, OrdinalKeyComparer.Instance))
        {
            if (Workload(server, ns, source) is { } workload)
            {
                workloads[(ns, name)] = workload;
                var protocol = ProxyProtocols.Parse(server.Spec.ProxyProtocol);
                if (protocol is null) ctx.NotImported(source, "$.spec.proxyProtocol", $"Proxy protocol '{server.Spec.ProxyProtocol}' is not one Linkerd defines; the port is read as HTTP.");
                model.AddPort(workload.Service, workload.Port, protocol ?? Protocol.Http);
            }
            if (server.Spec.AccessPolicy is { } access && access != "deny")
            {
                ctx.NotImported(source, "$.spec.accessPolicy", $"The Server's default policy '{access}' (for traffic no AuthorizationPolicy allows) is not in the model.");
            }
        }
    }

    /// <summary>Marks the Server <paramref name="key"/> as targeted by an imported policy.</summary>
    public void Use((string Namespace, string Name) key) => _used.Add(key);

    /// <summary>The Servers read in <paramref name="ns"/>, in name order.</summary>
    public IEnumerable<((string Namespace, string Name) Key, Server Server)> InNamespace(string ns) =>
        _servers.Where(s => s.Key.Namespace == ns).OrderBy(s => s.Key, OrdinalKeyComparer.Instance).Select(s => (s.Key, s.Value.Server));

    /// <summary>The port condition of a policy on a Server of <paramref name="workload"/>: the Server's port, when the service has others in <paramref name="model"/>.</summary>
    public static AccessOperation? PortOperation((ServiceRef Service, int Port) workload, MeshConfig model) =>
        model.FindService(workload.Service) is { Ports.Count: > 1 } ? new AccessOperation { Ports = [workload.Port] } : null;

    /// <summary>
    /// What reports, for a policy at a path of a source, the ports of a service (in <paramref name="model"/>) that no Server read
    /// covers: Linkerd applies the default policy to them, while the model's allow policy denies what no rule allows on every
    /// port (and the Servers written back cover every port).
    /// </summary>
    public Action<ServiceRef, string, string> Uncovered(MeshConfig model)
    {
        var covered = _workloads.Values.GroupBy(w => w.Service).ToDictionary(g => g.Key, g => g.Select(w => w.Port).ToHashSet());
        return (service, source, path) =>
        {
            var others = model.FindService(service)?.Ports.Select(p => p.Port).Where(p => !covered[service].Contains(p)).ToList() ?? [];
            if (others.Count == 0) return;
            var ports = (others.Count == 1 ? "port " : "ports ") + string.Join(", ", others);
            ctx.NotImported(source, path, $"The policy applies to the ports of the Servers of '{service}' only; {ports} of the service {(others.Count == 1 ? "has" : "have")} no Server in the input, so Linkerd's default policy governs {(others.Count == 1 ? "it" : "them")}, which the model's allow policy (what no rule allows is denied, on every port of the service) does not express. Written back, every port of the service gets a Server that denies what no policy allows.");
        };
    }

    /// <summary>Reports (as an info) each Server read that no imported access policy targets.</summary>
    public void ReportUnused()
    {
        foreach (var ((ns, name), (_, source)) in _servers.Where(s => _workloads.ContainsKey(s.Key) && !_used.Contains(s.Key)).OrderBy(s => s.Key, OrdinalKeyComparer.Instance))
        {
            var w = _workloads[(ns, name)];
            ctx.NotImportedInfo(source, "$.spec", $"No access policy imported targets Server '{ns}/{name}': it is read as port {w.Port} of service '{w.Service}', and written back only for the access policies that target it.");
        }
    }

    /// <summary>The service and port a Server stands for: the workload label of its pod selector names the service.</summary>
    private (ServiceRef Service, int Port)? Workload(Server server, string ns, string source)
    {
        var selector = server.Spec.PodSelector;
        string? service = null;
        if (selector?.MatchLabels is { } labels)
        {
            foreach (var (key, value) in labels.OrderBy(l => l.Key, StringComparer.Ordinal))
            {
                if (key == options.WorkloadLabel) service = value;
                else ctx.NotImported(source, "$.spec.podSelector.matchLabels" + JsonPaths.Segment(key), "The model's access policies target whole services; this label narrows the pods further and is not imported.");
            }
        }
        if (selector?.MatchExpressions is { Count: > 0 }) ctx.NotImported(source, "$.spec.podSelector.matchExpressions", "Set-based selectors are not in the model; they are not imported.");
        if (server.Spec.ExternalWorkloadSelector is not null) ctx.NotImported(source, "$.spec.externalWorkloadSelector", "External workloads are not in the model.");
        if (service is null)
        {
            ctx.NotImported(source, "$.spec", $"The pod selector has no '{options.WorkloadLabel}' label naming a service; the Server and its policies are not imported.");
            return null;
        }
        switch (server.Spec.Port)
        {
            case int port:
                return (new ServiceRef(service, ns), port);
            case string name when ResolvePort(ns, service, name, source) is { } resolved:
                return (new ServiceRef(service, ns), resolved);
            case string:
                return null;
            default:
                ctx.NotImported(source, "$.spec", "The Server has no port; it and its policies are not imported.");
                return null;
        }
    }

    /// <summary>
    /// The number of container port <paramref name="portName"/> of the <paramref name="workload"/> pods for a Server of
    /// <paramref name="source"/>, through a Service of <paramref name="ns"/> (<see cref="ServicePortMapping.Candidates"/>): the
    /// Service port whose <c>targetPort</c> is that name, or, when none is, the Service port of that name without a named
    /// <c>targetPort</c>. Null (reported at the Server's <c>$.spec</c>) when no Service port leads to it or two lead to
    /// different numbers: reported as ambiguous, not guessed.
    /// </summary>
    private int? ResolvePort(string ns, string workload, string portName, string source)
    {
        var byTarget = services.Candidates(ns, workload, p => p.TargetPort is string t && t == portName);
        var matches = byTarget.Count > 0 ? byTarget : services.Candidates(ns, workload, p => p.Name == portName && p.TargetPort is not string);
        if (matches.Count == 0)
        {
            ctx.NotImported(source, "$.spec", $"Port '{portName}' is a container port name, which the model's service ports (numbers) cannot hold, and no Service in the input selects the '{options.WorkloadLabel}: {workload}' pods with a port whose targetPort (or, without a named targetPort, whose name) is '{portName}'; the Server and its policies are not imported. Include the workload's Service in the input to resolve the name.");
            return null;
        }
        if (matches.Select(m => m.Port.Number).Distinct().Count() > 1)
        {
            var list = string.Join(", ", matches.Select(m => $"port {m.Port.Number} of Service '{m.Service.Namespace}/{m.Service.Name}'"));
            ctx.NotImported(source, "$.spec", $"Container port name '{portName}' is ambiguous: {list} lead to it; the Server and its policies are not imported rather than read with a guessed number.");
            return null;
        }
        var (service, port) = matches[0];
        var via = $"Service '{service.Namespace}/{service.Name}' port {port.Number}";
        if (byTarget.Count > 0)
        {
            ctx.NotImported(source, "$.spec.port", $"Container port name '{portName}' is resolved through {via} (targetPort {portName}): the Server is read as port {port.Number}. Written back, its port is the number {port.Number}, which Linkerd matches against the container's ports: right only if container port '{portName}' is {port.Number}.");
        }
        else if (port.TargetPort is int target && target != port.Number)
        {
            ctx.NotImported(source, "$.spec.port", $"Container port name '{portName}' is resolved through {via}, of the same name, which targets container port {target}: the Server is read as port {port.Number}. Written back, its port is the number {port.Number}, which Linkerd matches against the container's ports, not {target}.");
        }
        else
        {
            ctx.NotImportedInfo(source, "$.spec.port", $"Container port name '{portName}' is resolved through {via}, of the same name, which targets container port {port.Number} (taken to be the port of that name): the Server is read, and written back, as port {port.Number}.");
        }
        return port.Number;
    }
}
