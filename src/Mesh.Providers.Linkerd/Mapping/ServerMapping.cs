using Mesh.Translation;
using Mesh.Collections;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.GatewayApi.Translation;
using Mesh.Providers.Linkerd.Resources;
using Mesh.Validation;

namespace Mesh.Providers.Linkerd.Mapping;

/// <summary>
/// The target of an access policy ↔ <c>Server</c>s: a Server per port of the target service (named
/// <c>&lt;service&gt;[-&lt;subset&gt;]-&lt;port&gt;</c>), selecting the service's workloads (<see cref="MeshService.WorkloadLabels"/>:
/// its selector, plus the subset's labels for a subset), <c>proxyProtocol</c> from the port's protocol
/// (<see cref="ProxyProtocols"/>). Read back, a Server stands for that port of the service whose selector its pod selector
/// includes — among the Services of the input (<see cref="ServicePortMapping.Selecting"/>), the most specific; without one,
/// the service its <c>app</c> label names — and the labels beyond that selector select a subset of it; the Server gives the
/// service the port. A Server's container port name is resolved through the Services of the input that select its pods.
/// Static members map model → Linkerd; an instance reads the Servers of one import.
/// </summary>
internal sealed class ServerMapping(ServicePortMapping services, ImportContext ctx)
{
    /// <summary>The service, subset (null: the whole service) and port a Server read stands for.</summary>
    internal readonly record struct ServerWorkload(ServiceRef Service, string? Subset, int Port);

    private readonly Dictionary<(string Namespace, string Name), (Server Server, string Source)> _servers = [];
    private readonly Dictionary<(string Namespace, string Name), ServerWorkload> _workloads = [];
    private readonly Dictionary<ServiceRef, List<Subset>> _subsets = [];
    private readonly HashSet<(string Namespace, string Name)> _used = [];

    /// <summary>The Servers an HTTPLocalRateLimitPolicy of the input targets (filled before <see cref="ToModel"/> runs).</summary>
    public HashSet<(string Namespace, string Name)> RateLimited { get; } = [];

    /// <summary>
    /// Model → Linkerd: the Servers of <paramref name="policy"/>'s target, one per port of its service, in port order (none for a
    /// policy without target: it applies to the namespace, which is noted). False (reported) when the target cannot have
    /// Servers, and the policy is not written.
    /// </summary>
    public static bool ToLinkerd(AccessPolicy policy, string path, ServiceOutput output, RouteExportContext ctx, out MeshService? service, out List<Server> servers)
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
            if (service.WorkloadLabels(target.Subset) is not { } workloads)
            {
                ctx.Unsupported($"{path}.target.subset", $"Subset '{target.Subset}' of '{target.Service}' is not defined, so its labels are unknown; the policy is not written.");
                return false;
            }
            labels = new Dictionary<string, string>(workloads, StringComparer.Ordinal);
            if (target.Subset is { } subsetName) SubsetReadBack(service, subsetName, workloads, $"{path}.target.subset", ctx);
            if (output != ServiceOutput.All) TargetPortReadBack(service, path, ctx);
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

    /// <summary>
    /// Reports how the Servers of subset <paramref name="subsetName"/> read back when they would not give the subset back as it is:
    /// a subset label that replaces a selector label (the pods are then no longer the service's, by its selector), a subset that
    /// selects no more than the service (read back as the whole service), a subset whose Server names do not say its name (read
    /// back under a name from its labels), or another subset of the same labels (read back as one of them).
    /// </summary>
    private static void SubsetReadBack(MeshService service, string subsetName, EquatableMap<string> workloads, string path, RouteExportContext ctx)
    {
        var selector = service.EffectiveSelector;
        var replaced = selector.Where(l => workloads.TryGetValue(l.Key, out var v) && v != l.Value).ToList();
        if (replaced.Count > 0)
        {
            var labels = string.Join(", ", replaced.Select(l => $"'{l.Key}: {l.Value}' to '{workloads[l.Key]}'"));
            ctx.Approximated(path, $"Subset '{subsetName}' changes the selector label {labels}: the Servers select the subset's pods, which the selector of '{service.Reference}' does not; read back, they do not belong to '{service.Reference}'.");
            return;
        }
        var beyond = workloads.Where(l => !selector.ContainsKey(l.Key)).ToEquatableMap();
        if (beyond.IsEmpty)
        {
            ctx.Note(path, $"Subset '{subsetName}' selects no pods beyond the selector of '{service.Reference}': its Servers select the whole service, and read back the policy targets '{service.Reference}' itself.");
            return;
        }
        var same = service.Subsets.FirstOrDefault(s => s.Name != subsetName && service.WorkloadLabels(s.Name) == workloads);
        if (same is not null)
        {
            ctx.Note(path, $"Subsets '{same.Name}' and '{subsetName}' of '{service.Reference}' select the same pods; read back, the Servers of either stand for the one read first.");
            return;
        }
        var port = service.Ports[0];
        if (SubsetOfServerName(ServerName(service, subsetName, port), service.Name, port.Port) != subsetName)
        {
            ctx.Note(path, $"The Server names of subset '{subsetName}' are shortened, so they do not say its name: read back, the subset is named after its labels ({beyond}).");
        }
    }

    /// <summary>
    /// Without the service's own Service written (<see cref="ServiceOutput.All"/> writes it), a Server on a target port other
    /// than the service port does not read back as it is: a container port name cannot be resolved, so the policy is not read
    /// back; a container port number reads back as a service port of that number.
    /// </summary>
    private static void TargetPortReadBack(MeshService service, string path, RouteExportContext ctx)
    {
        var moved = service.Ports.Where(p => p.EffectiveTargetPort != TargetPort.Of(p.Port)).ToList();
        if (moved.Count == 0) return;
        var named = moved.Where(p => p.EffectiveTargetPort.Name is not null).ToList();
        var ports = string.Join(", ", moved.Select(p => $"{p.EffectiveTargetPort} for port {p.Port}"));
        ctx.Note(path, named.Count > 0
            ? $"The Servers select the container ports the ports of '{service.Reference}' target ({ports}); the service's own Service is not written (ServiceOutput All writes it), and read back without it a Server's container port name cannot be resolved: the policy does not read back."
            : $"The Servers select the container ports the ports of '{service.Reference}' target ({ports}); the service's own Service is not written (ServiceOutput All writes it), and read back without it each Server stands for a service port of its container port's number.");
    }

    internal static string ServerName(MeshService service, string? subset, ServicePort port) =>
        ResourceNames.Join(service.Name, subset ?? string.Empty, port.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));

    internal static Server Server(string name, string ns, ServicePort port, Dictionary<string, string> labels) => new()
    {
        Metadata = { Name = name, NamespaceProperty = ns },
        Spec =
        {
            PodSelector = new LabelSelector { MatchLabels = labels },
            // A Server names a port of the pods: the container port the service port forwards to.
            Port = port.EffectiveTargetPort.Name ?? (object)port.EffectiveTargetPort.Number!.Value,
            ProxyProtocol = ProxyProtocols.Of(port.Protocol),
        },
    };

    /// <summary>The service, subset and port each Server read stands for (once <see cref="ToModel"/> has run).</summary>
    public IReadOnlyDictionary<(string Namespace, string Name), ServerWorkload> Workloads => _workloads;

    /// <summary>The service ports the Servers read name (once <see cref="ToModel"/> has run): their protocol is the Server's.</summary>
    public IReadOnlySet<(ServiceRef Service, int Port)> Ports => _workloads.Values.Select(w => (w.Service, w.Port)).ToHashSet();

    /// <summary>Linkerd → model: reads a Server (the first of a name is kept).</summary>
    public void Read(Server server, string ns, string name, string source) => _servers.TryAdd((ns, name), (server, source));

    /// <summary>Linkerd → model: the Servers read, in name order: each gives its service its port in <paramref name="model"/>.</summary>
    public void ToModel(ModelBuilder model)
    {
        var workloads = _workloads;
        foreach (var ((ns, name), (server, source)) in _servers.OrderBy(s => s.Key, OrdinalKeyComparer.Instance))
        {
            if (Workload(server, ns, name, source) is { } workload)
            {
                workloads[(ns, name)] = workload;
                var protocol = ProxyProtocols.Parse(server.Spec.ProxyProtocol);
                if (protocol is null) ctx.NotImported(source, "$.spec.proxyProtocol", $"Proxy protocol '{server.Spec.ProxyProtocol}' is not one Linkerd defines; the port is read as HTTP.");
                model.AddPort(workload.Service, workload.Port, protocol ?? Protocol.Http);
            }
            if (server.Spec.AccessPolicy is { } access && access != "deny")
            {
                if (access == RateLimitMapping.OpenAccessPolicy && RateLimited.Contains((ns, name)))
                {
                    ctx.NotImportedInfo(source, "$.spec.accessPolicy", $"The Server admits every client ('{access}', Linkerd's default policy), as a port no access policy targets does: it is read for its rate limit only.");
                }
                else
                {
                    ctx.NotImported(source, "$.spec.accessPolicy", $"The Server's default policy '{access}' (for traffic no AuthorizationPolicy allows) is not in the model.");
                }
            }
        }
    }

    /// <summary>Linkerd → model: <paramref name="config"/> with the subsets the Servers read select added to their services.</summary>
    public MeshConfig AddSubsets(MeshConfig config)
    {
        if (_subsets.Count == 0) return config;
        return config with
        {
            Services = [.. config.Services.Select(s => _subsets.TryGetValue(s.Reference, out var subsets)
                ? s with { Subsets = [.. s.Subsets, .. subsets.Where(n => s.FindSubset(n.Name) is null)] }
                : s)],
        };
    }

    /// <summary>Marks the Server <paramref name="key"/> as targeted by an imported policy.</summary>
    public void Use((string Namespace, string Name) key) => _used.Add(key);

    /// <summary>The Servers read in <paramref name="ns"/>, in name order.</summary>
    public IEnumerable<((string Namespace, string Name) Key, Server Server)> InNamespace(string ns) =>
        _servers.Where(s => s.Key.Namespace == ns).OrderBy(s => s.Key, OrdinalKeyComparer.Instance).Select(s => (s.Key, s.Value.Server));

    /// <summary>The port condition of a policy on a Server of <paramref name="workload"/>: the Server's port, when the service has others in <paramref name="model"/>.</summary>
    public static AccessOperation? PortOperation(ServerWorkload workload, MeshConfig model) =>
        model.FindService(workload.Service) is { Ports.Count: > 1 } ? new AccessOperation { Ports = [workload.Port] } : null;

    /// <summary>
    /// What reports, for a policy at a path of a source, the ports of a service (in <paramref name="model"/>) that no Server read
    /// for the same workloads (the service, or the same subset of it) covers: Linkerd applies the default policy to them, while
    /// the model's allow policy denies what no rule allows on every port (and the Servers written back cover every port).
    /// </summary>
    public Action<ServerWorkload, string, string> Uncovered(MeshConfig model)
    {
        var covered = _workloads.Values.GroupBy(w => (w.Service, w.Subset)).ToDictionary(g => g.Key, g => g.Select(w => w.Port).ToHashSet());
        return (workload, source, path) =>
        {
            var service = workload.Service;
            var others = model.FindService(service)?.Ports.Select(p => p.Port).Where(p => !covered[(service, workload.Subset)].Contains(p)).ToList() ?? [];
            if (others.Count == 0) return;
            var ports = (others.Count == 1 ? "port " : "ports ") + string.Join(", ", others);
            var of = workload.Subset is null ? $"'{service}'" : $"subset '{workload.Subset}' of '{service}'";
            ctx.NotImported(source, path, $"The policy applies to the ports of the Servers of {of} only; {ports} of the service {(others.Count == 1 ? "has" : "have")} no Server for these pods in the input, so Linkerd's default policy governs {(others.Count == 1 ? "it" : "them")}, which the model's allow policy (what no rule allows is denied, on every port of the service) does not express. Written back, every port of the service gets a Server that denies what no policy allows.");
        };
    }

    /// <summary>Reports (as an info) each Server read that no imported access policy targets.</summary>
    public void ReportUnused()
    {
        foreach (var ((ns, name), (_, source)) in _servers.Where(s => _workloads.ContainsKey(s.Key) && !_used.Contains(s.Key)).OrderBy(s => s.Key, OrdinalKeyComparer.Instance))
        {
            var w = _workloads[(ns, name)];
            var of = w.Subset is null ? $"service '{w.Service}'" : $"subset '{w.Subset}' of service '{w.Service}'";
            ctx.NotImportedInfo(source, "$.spec", $"No access policy imported targets Server '{ns}/{name}': it is read as port {w.Port} of {of}, and written back only for the access policies that target it.");
        }
    }

    /// <summary>
    /// The service, subset and port a Server stands for. Its service is the one whose selector its <c>matchLabels</c> include:
    /// among the Services of the input (<see cref="ServicePortMapping.Selecting"/>), the most specific, ties going to the one its
    /// <c>app</c> label names, else the first by name (reported); without such a Service, the one its <c>app</c> label names, as
    /// Linkerd's examples label pods. The labels beyond the service's selector select a subset (<see cref="SubsetOf"/>).
    /// </summary>
    private ServerWorkload? Workload(Server server, string ns, string name, string source)
    {
        var selector = server.Spec.PodSelector;
        if (selector?.MatchExpressions is { Count: > 0 }) ctx.NotImported(source, "$.spec.podSelector.matchExpressions", "Set-based selectors are not in the model; they are not imported.");
        if (server.Spec.ExternalWorkloadSelector is not null) ctx.NotImported(source, "$.spec.externalWorkloadSelector", "External workloads are not in the model.");
        var labels = new Dictionary<string, string>(selector?.MatchLabels ?? [], StringComparer.Ordinal);
        foreach (var (key, value) in labels.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            if (KubernetesNames.IsLabelKey(key) && KubernetesNames.IsLabelValue(value)) continue;
            ctx.NotImported(source, "$.spec.podSelector.matchLabels" + JsonPaths.Segment(key), $"'{key}: {value}' is not a Kubernetes label; the Server and its policies are not imported.");
            return null;
        }
        labels.TryGetValue(MeshService.DefaultSelectorKey, out var app);
        ServiceRef service;
        EquatableMap<string> serviceSelector;
        var selecting = services.Selecting(ns, labels);
        if (selecting.Count > 0)
        {
            var most = selecting.TakeWhile(s => s.EffectiveSelector.Count == selecting[0].EffectiveSelector.Count).ToList();
            var chosen = most.Find(s => s.Name == app) ?? most[0];
            if (most.Count > 1)
            {
                ctx.NotImported(source, "$.spec.podSelector", $"Services {string.Join(", ", most.Select(s => $"'{s.Reference}'"))} of the input all select these pods with equally specific selectors; the Server is read as a port of '{chosen.Reference}'{(chosen.Name == app ? $", which its '{MeshService.DefaultSelectorKey}' label names" : ", the first by name")}.");
            }
            service = chosen.Reference;
            serviceSelector = chosen.EffectiveSelector;
        }
        else if (app is not null && DnsNames.IsDnsLabel(app))
        {
            service = new ServiceRef(app, ns);
            serviceSelector = MeshService.DefaultSelector(app);
            if (services.Find(service) is { Selector.IsEmpty: false } other)
            {
                ctx.NotImported(source, "$.spec.podSelector", $"No Service of the input selects these pods: the Server is read as a port of '{service}', which its '{MeshService.DefaultSelectorKey}' label names, but Service '{service}' of the input selects {other.Selector}, other pods.");
            }
        }
        else
        {
            ctx.NotImported(source, "$.spec", $"No Service of the input selects the pods {labels.ToEquatableMap()}, nor does an '{MeshService.DefaultSelectorKey}' label name a service; the Server and its policies are not imported. Include the workload's Service in the input.");
            return null;
        }
        var beyond = labels.Where(l => !serviceSelector.ContainsKey(l.Key)).ToEquatableMap();
        int number;
        switch (server.Spec.Port)
        {
            case int port when ResolveNumber(ns, labels, port, source) is { } resolved:
                number = resolved;
                break;
            case int:
                return null;
            case string portName when ResolvePort(ns, labels, portName, source) is { } resolved:
                number = resolved;
                break;
            case string:
                return null;
            default:
                ctx.NotImported(source, "$.spec", "The Server has no port; it and its policies are not imported.");
                return null;
        }
        return new ServerWorkload(service, beyond.IsEmpty ? null : SubsetOf(service, labels, beyond, name, number, source), number);
    }

    /// <summary>
    /// The subset of <paramref name="service"/> whose pods carry <paramref name="labels"/> (<paramref name="beyond"/> its
    /// selector), added to the service: the subset of those labels already read, else one named by the leaf Service of the input
    /// that stands for those pods, else by the Server's name as this provider writes it (<c>&lt;service&gt;-&lt;subset&gt;-&lt;port&gt;</c>),
    /// else after the labels' values (or the Server's name when that name is taken by other labels).
    /// </summary>
    private string SubsetOf(ServiceRef service, Dictionary<string, string> labels, EquatableMap<string> beyond, string serverName, int port, string source)
    {
        if (!_subsets.TryGetValue(service, out var subsets)) _subsets[service] = subsets = [];
        if (subsets.Find(s => s.Labels == beyond) is { } known) return known.Name;
        string name;
        string why;
        if (services.LeafFor(service, labels) is { LeafOf: { } leaf } leafService)
        {
            (name, why) = (leaf.Subset, $"as leaf Service '{service.Namespace}/{leafService.Name}' of the input names it");
        }
        else if (SubsetOfServerName(serverName, service.Name, port) is { } fromName)
        {
            (name, why) = (fromName, "as the Server's name says");
        }
        else
        {
            name = ResourceNames.Join([.. beyond.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => l.Value)]);
            why = "after the values of its labels";
            if (!DnsNames.IsDnsLabel(name)) (name, why) = (serverName, "after the Server");
        }
        if (subsets.Exists(s => s.Name == name) || !DnsNames.IsDnsLabel(name))
        {
            name = ResourceNames.Join(serverName, "pods");
            why = "after the Server, as the name it would have is taken by other labels";
        }
        subsets.Add(new Subset { Name = name, Labels = beyond });
        ctx.NotImportedInfo(source, "$.spec.podSelector", $"The pods {beyond} beyond the selector of '{service}' are read as its subset '{name}' (named {why}); the Server's policies target that subset.");
        return name;
    }

    /// <summary>The subset a Server name written by this provider says (<c>&lt;service&gt;-&lt;subset&gt;-&lt;port&gt;</c>), or null.</summary>
    private static string? SubsetOfServerName(string serverName, string service, int port)
    {
        var prefix = service + "-";
        var suffix = "-" + port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (serverName.Length <= prefix.Length + suffix.Length || !serverName.StartsWith(prefix, StringComparison.Ordinal) || !serverName.EndsWith(suffix, StringComparison.Ordinal)) return null;
        var subset = serverName[prefix.Length..^suffix.Length];
        return DnsNames.IsDnsLabel(subset) ? subset : null;
    }

    /// <summary>
    /// The number of container port <paramref name="portName"/> of the pods carrying <paramref name="podLabels"/> for a Server of
    /// <paramref name="source"/>, through the Services of <paramref name="ns"/> that select them (<see cref="ServicePortMapping.Candidates"/>): the
    /// Service port whose <c>targetPort</c> is that name, or, when none is, the Service port of that name without a named
    /// <c>targetPort</c>. Null (reported at the Server's <c>$.spec</c>) when no Service port leads to it or two lead to
    /// different numbers: reported as ambiguous, not guessed.
    /// </summary>
    private int? ResolvePort(string ns, Dictionary<string, string> podLabels, string portName, string source)
    {
        var byTarget = services.Candidates(ns, podLabels, p => p.Target?.Name == portName);
        var matches = byTarget.Count > 0 ? byTarget : services.Candidates(ns, podLabels, p => p.Name == portName && p.Target?.Name is null);
        if (matches.Count == 0)
        {
            ctx.NotImported(source, "$.spec", $"Port '{portName}' is a container port name, which the model's service ports (numbers) cannot hold, and no Service in the input selects the pods {podLabels.ToEquatableMap()} with a port whose targetPort (or, without a named targetPort, whose name) is '{portName}'; the Server and its policies are not imported. Include the workload's Service in the input to resolve the name.");
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
            ctx.NotImportedInfo(source, "$.spec.port", $"Container port name '{portName}' is resolved through {via} (targetPort {portName}): the Server is read as port {port.Number} of the service, which targets container port '{portName}'; written back, the Server names '{portName}' again.");
        }
        else if (port.Target?.Number is { } target && target != port.Number)
        {
            ctx.NotImported(source, "$.spec.port", $"Container port name '{portName}' is resolved through {via}, of the same name, which targets container port {target}: the Server is read as port {port.Number} of the service. Written back, the Server names container port {target}, the port's target, not '{portName}': right only if container port '{portName}' is {target}.");
        }
        else
        {
            ctx.NotImportedInfo(source, "$.spec.port", $"Container port name '{portName}' is resolved through {via}, of the same name, which targets container port {port.Number} (taken to be the port of that name): the Server is read as port {port.Number}, and written back naming container port {port.Number}.");
        }
        return port.Number;
    }

    /// <summary>
    /// The service port a Server on container port <paramref name="number"/> of the pods carrying <paramref name="podLabels"/>
    /// stands for: the port of the Services of <paramref name="ns"/> that select them whose target is that number (or, without a
    /// target, whose number it is), else the number itself (no Service of the input says otherwise). Null (reported) when the
    /// Services lead to different ports.
    /// </summary>
    private int? ResolveNumber(string ns, Dictionary<string, string> podLabels, int number, string source)
    {
        var matches = services.Candidates(ns, podLabels, p => p.Target is null ? p.Number == number : p.Target.Number == number);
        var ports = matches.Select(m => m.Port.Number).Distinct().ToList();
        if (ports.Count == 0) return number;
        if (ports.Count > 1)
        {
            var list = string.Join(", ", matches.Select(m => $"port {m.Port.Number} of Service '{m.Service.Namespace}/{m.Service.Name}'"));
            ctx.NotImported(source, "$.spec", $"Container port {number} is the target of {list}; the Server and its policies are not imported rather than read as a guessed service port.");
            return null;
        }
        if (ports[0] != number)
        {
            var (service, port) = matches[0];
            ctx.NotImportedInfo(source, "$.spec.port", $"Container port {number} is the target of Service '{service.Namespace}/{service.Name}' port {port.Number}: the Server is read as port {port.Number} of the service.");
        }
        return ports[0];
    }
}
