using Mesh.Collections;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.AppMesh.Mapping;
using Mesh.Providers.AppMesh.Resources;

namespace Mesh.Providers.AppMesh.Translation;

/// <summary>
/// The second pass: resolves virtual services to routers and nodes, nodes to services and subsets against each router's host,
/// and assembles services (with their core Services, or for a service without one the ports of a subset's leaf Service), routes, destination and mTLS policies and external services. Everything is
/// visited in namespace/name order so one input always gives one model.
/// </summary>
internal sealed class ModelAssembly(ImportIndex index, ImportContext ctx, AppMeshOptions options)
{
    private readonly SortedDictionary<ResourceKey, NodeInfo> _nodes = [];
    private readonly Dictionary<ResourceKey, List<NodeTarget>> _targets = [];
    private readonly Dictionary<ResourceKey, ServiceRef> _routedBy = [];
    private readonly HashSet<ResourceKey> _externalNodes = [];
    private readonly SortedDictionary<ResourceKey, ServiceDraft> _drafts = [];
    private readonly List<HttpRoute> _routes = [];
    private readonly List<TcpRoute> _tcpRoutes = [];
    private readonly List<ExternalService> _externals = [];
    private readonly Dictionary<ResourceKey, ServiceRef> _virtualServices = [];
    private readonly string domain = options.ClusterDomain;
    private readonly Mesh.Translation.ServiceOutput output = options.ServiceOutput;

    public MeshConfig Build(string name)
    {
        OutboundPolicy? outbound = null;
        foreach (var mesh in index.Meshes) outbound ??= MeshMapping.ToModel(mesh, ctx);
        foreach (var (key, node) in index.Nodes)
        {
            _nodes[key] = VirtualNodeMapping.ToModel(node, ctx);
            VirtualNodeMapping.ReportCloudMap(_nodes[key], ctx);
        }
        var routerHosts = ReadVirtualServices();
        foreach (var (key, router) in index.Routers)
        {
            if (routerHosts.TryGetValue(key, out var hosts)) ReadRouter(router, hosts);
            else
            {
                RouterMapping.ReadListeners(router, ctx);
                ctx.NotImported(router.Source, "$.spec", "No virtual service of the input names this router as its provider, so App Mesh routes no traffic through it; it was not imported.");
            }
        }
        ReadUnroutedNodes();
        ReportSubsetHosts();
        var consumed = CheckHostnames();
        var services = ReadServices(consumed);
        var (destinations, mtls) = ReadPolicies();
        AddClientTls(destinations, services, _externals);
        var telemetry = ReadTelemetry();
        var gateways = index.Gateways.Values.Select(g => GatewayMapping.ToModel(g, ctx)).OfType<GatewayMapping.Read>().ToList();
        var gatewayRoutes = new List<Model.GatewayRoute>();
        GatewayRouteMapping.ToModel(index.GatewayRoutes.Values, gateways, _virtualServices, index.VirtualServices, gatewayRoutes, ctx);
        return new MeshConfig
        {
            Name = name,
            Services = [.. services],
            Routes = [.. _routes],
            TcpRoutes = [.. _tcpRoutes],
            DestinationPolicies = [.. destinations],
            Mtls = [.. mtls],
            Telemetry = [.. telemetry],
            ExternalServices = [.. _externals],
            Outbound = outbound is null ? default : [outbound],
            Gateways = [.. gateways.Select(g => g.Gateway)],
            GatewayRoutes = [.. gatewayRoutes],
        };
    }

    /// <summary>
    /// A virtual service whose node a router of another host also reaches: the model has one place for those pods — a subset
    /// of that host when they are a subset of its pods (the import's folding then makes references to this service name the
    /// subset) — so the virtual service itself is not carried as such.
    /// </summary>
    private void ReportSubsetHosts()
    {
        foreach (var vs in index.VirtualServices.Values)
        {
            if (vs.Resource.Spec.Provider?.VirtualNode?.VirtualNodeRef is not { } reference || Node(reference, vs.Namespace) is not { } node) continue;
            var host = new ServiceRef(vs.Name, vs.Namespace);
            if (_routedBy.TryGetValue(node.Key, out var router) && router != host)
            {
                ctx.NotImportedInfo(vs.Source, "$.spec.provider", $"Virtual node {node.Document.Name} is also a target of {router}'s router: its pods are read as that target (a subset of {router} when they are a subset of its pods), and calls to this virtual service's name go to the Service of that name.");
            }
            else if (FoldsInto(host) is { } parent)
            {
                ctx.NotImportedInfo(vs.Source, "$.spec.provider", $"The Service {host.Name} selects a subset of {parent}'s pods with the same ports: the import reads it as a subset of {parent}, so this virtual service is carried as that subset's Service, not as a service of its own.");
            }
        }
    }

    /// <summary>The service whose subset the kit's folding reads <paramref name="host"/>'s core Service as (a proper superset of its selector, the same ports), if any.</summary>
    private ServiceRef? FoldsInto(ServiceRef host)
    {
        if (!index.Services.TryGetValue(new ResourceKey(host.Namespace, host.Name), out var own) || own.Resource.Spec?.Selector is not { Count: > 0 } selector) return null;
        var ports = own.Resource.Spec.Ports?.Select(p => p?.Port).Order().ToList() ?? [];
        foreach (var (key, other) in index.Services)
        {
            if (key.Namespace != host.Namespace || key.Name == host.Name) continue;
            // The parent's selector: its Service's, else the one its virtual nodes imply.
            var parent = other.Resource.Spec?.Selector is { Count: > 0 } written ? written.ToEquatableMap() : _drafts.GetValueOrDefault(key)?.Selector;
            if (parent is not { } p || p.Count == 0 || p.Count >= selector.Count || !p.All(l => selector.TryGetValue(l.Key, out var v) && v == l.Value)) continue;
            if (!(other.Resource.Spec?.Ports?.Select(x => x?.Port).Order().ToList() ?? []).SequenceEqual(ports)) continue;
            return new ServiceRef(key.Name, key.Namespace);
        }
        return null;
    }

    private Dictionary<ResourceKey, List<ServiceRef>> ReadVirtualServices()
    {
        var routerHosts = new Dictionary<ResourceKey, List<ServiceRef>>();
        var routers = index.Routers.ToDictionary(r => r.Key, r => r.Value);
        foreach (var vs in index.VirtualServices.Values)
        {
            if (VirtualServiceMapping.ToModel(vs, routers, _nodes, domain, ctx) is not { } provision) continue;
            if (provision.External)
            {
                _externalNodes.Add(provision.Node!.Key);
                var external = EgressMapping.ToModel(provision, ctx);
                _externals.Add(external);
                _virtualServices[new ResourceKey(vs.Namespace, vs.Name)] = new ServiceRef(external.Name, external.Namespace);
                continue;
            }
            _virtualServices[new ResourceKey(vs.Namespace, vs.Name)] = provision.Host;
            if (provision.Node is { } node)
            {
                var draft = Draft(provision.Host);
                draft.Selector ??= node.Labels;
                foreach (var l in node.Listeners) draft.AddPort(l.Port, l.Protocol);
                AddTarget(node, new NodeTarget(provision.Host, null));
            }
            else
            {
                var key = new ResourceKey(provision.Router!.Namespace, provision.Router.Name);
                if (!routerHosts.TryGetValue(key, out var hosts)) routerHosts[key] = hosts = [];
                if (!hosts.Contains(provision.Host)) hosts.Add(provision.Host);
            }
        }
        return routerHosts;
    }

    private void ReadRouter(ImportDocument<VirtualRouter> router, List<ServiceRef> hosts)
    {
        var listeners = RouterMapping.ReadListeners(router, ctx);
        var targets = RouterMapping.TargetRefs(router.Resource).Select(r => Node(r, router.Namespace)).OfType<NodeInfo>().Distinct().ToList();
        for (var h = 0; h < hosts.Count; h++)
        {
            var host = hosts[h];
            var selector = HostSelector(host, targets);
            var draft = Draft(host);
            if (!selector.IsEmpty) draft.Selector ??= selector;
            foreach (var (port, protocol) in listeners) draft.AddPort(port, protocol);
            NodeTarget? Resolve(AppMeshReference reference)
            {
                if (Node(reference, router.Namespace) is not { } node) return null;
                _routedBy.TryAdd(node.Key, host);
                var (target, labels) = VirtualNodeMapping.Resolve(node, host, selector, domain, Declared);
                if (target.Subset is { } subset)
                {
                    // The subset of the host, or of the service a subset node's annotations name.
                    var owner = target.Service == host ? draft : Draft(target.Service);
                    if (target.Service != host)
                    {
                        owner.Selector ??= node.ParentSelector;
                        foreach (var l in node.Listeners) owner.AddPort(l.Port, l.Protocol);
                    }
                    if (!owner.Subsets.TryAdd(subset, labels ?? EquatableMap<string>.Empty) && owner.Subsets[subset] != (labels ?? EquatableMap<string>.Empty))
                    {
                        ctx.NotImported(node.Document.Source, "$.spec.podSelector", $"Subset {subset} of {target.Service} is already defined with other labels; this node was read as that subset.");
                    }
                }
                else if (target.Service != host)
                {
                    var own = Draft(target.Service);
                    own.Selector ??= node.Labels;
                    foreach (var l in node.Listeners) own.AddPort(l.Port, l.Protocol);
                }
                AddTarget(node, target);
                return target;
            }
            // Every target declares its subset, including those of the implicit route, which is not itself imported.
            foreach (var reference in RouterMapping.TargetRefs(router.Resource)) Resolve(reference);
            var first = h == 0;
            var routes = RouterMapping.ToModel(router, host, listeners, Resolve, n => first ? n : $"{n}-{host.Name}", first, ctx);
            _routes.AddRange(routes.Http);
            _tcpRoutes.AddRange(routes.Tcp);
        }
    }

    /// <summary>Whether the input declares <paramref name="service"/>: its core Service or a virtual service of its name.</summary>
    private bool Declared(ServiceRef service) =>
        index.Services.ContainsKey(new ResourceKey(service.Namespace, service.Name)) || index.VirtualServices.ContainsKey(new ResourceKey(service.Namespace, service.Name));

    /// <summary>The host's selector: its core Service's, else the parent selector its leaf nodes name, else the labels its targets share.</summary>
    private EquatableMap<string> HostSelector(ServiceRef host, List<NodeInfo> targets)
    {
        if (index.Services.TryGetValue(new ResourceKey(host.Namespace, host.Name), out var core) && core.Resource.Spec?.Selector is { Count: > 0 } selector)
        {
            return selector.ToEquatableMap();
        }
        foreach (var node in targets)
        {
            if (node.SubsetOf?.Parent == host.Name && node.ParentSelector is { } parent) return parent;
        }
        var labeled = targets.Where(t => t.Labels is { IsEmpty: false }).ToList();
        if (labeled.Count == 0) return EquatableMap<string>.Empty;
        IEnumerable<KeyValuePair<string, string>> first = labeled[0].Labels!.Value;
        return first.Where(l => labeled.All(t => t.Labels!.Value.TryGetValue(l.Key, out var v) && v == l.Value)).ToEquatableMap();
    }

    private void ReadUnroutedNodes()
    {
        foreach (var (key, node) in _nodes)
        {
            if (_targets.ContainsKey(key) || _externalNodes.Contains(key)) continue;
            if (node.SubsetOf is { } subsetOf)
            {
                var parent = new ServiceRef(subsetOf.Parent, node.Document.Namespace);
                var draft = Draft(parent);
                draft.Selector ??= node.ParentSelector;
                draft.Subsets.TryAdd(subsetOf.Subset, VirtualNodeMapping.Difference(node.Labels ?? EquatableMap<string>.Empty, node.ParentSelector ?? EquatableMap<string>.Empty));
                foreach (var l in node.Listeners) draft.AddPort(l.Port, l.Protocol);
                AddTarget(node, new NodeTarget(parent, subsetOf.Subset));
                continue;
            }
            if (VirtualServiceMapping.IsExternal(node.DnsHostname, domain))
            {
                ctx.NotImported(node.Document.Source, "$.spec", "No virtual service provides this node of an external host, so no caller can reach it; it was not imported.");
                _externalNodes.Add(key);
                continue;
            }
            var own = VirtualNodeMapping.OwnService(node, domain);
            var ownDraft = Draft(own);
            ownDraft.Selector ??= node.Labels;
            foreach (var l in node.Listeners) ownDraft.AddPort(l.Port, l.Protocol);
            AddTarget(node, new NodeTarget(own, null));
        }
    }

    /// <summary>
    /// The core Services that are a subset node's own DNS name (its leaf, written back by the export), with the key of the
    /// subset's service, and a note on every DNS
    /// hostname the export would not write back (it names the Service of the node's service or subset).
    /// </summary>
    private Dictionary<ResourceKey, ResourceKey> CheckHostnames()
    {
        var consumed = new Dictionary<ResourceKey, ResourceKey>();
        foreach (var (key, node) in _nodes)
        {
            if (node.DnsHostname is not { } hostname || _externalNodes.Contains(key) || !_targets.TryGetValue(key, out var targets)) continue;
            var named = VirtualServiceMapping.TryParseHost(hostname, domain, out var dns) && hostname.EndsWith(".svc." + domain, StringComparison.OrdinalIgnoreCase);
            var expected = false;
            foreach (var target in targets)
            {
                if (!named || dns.Namespace != target.Service.Namespace) continue;
                if (target.Subset is null && dns.Name == target.Service.Name) expected = true;
                if (target.Subset is { } subset && dns.Name != target.Service.Name)
                {
                    var leaf = new ResourceKey(dns.Namespace, dns.Name);
                    if (index.Services.ContainsKey(leaf) && !_drafts.ContainsKey(leaf)) consumed.TryAdd(leaf, new ResourceKey(target.Service.Namespace, target.Service.Name));
                    if (index.Services.ContainsKey(leaf) || dns.Name == $"{target.Service.Name}-{subset}") expected = true;
                }
            }
            if (!expected)
            {
                ctx.NotImportedInfo(node.Document.Source, "$.spec.serviceDiscovery.dns.hostname", $"Callers of this node resolve '{hostname}'; the model addresses the node's pods by their labels, and the export names the Service of the node's service or subset.");
            }
        }
        return consumed;
    }

    private List<MeshService> ReadServices(Dictionary<ResourceKey, ResourceKey> consumed)
    {
        var cores = new Dictionary<ResourceKey, MeshService>();
        var leaves = new Dictionary<ResourceKey, MeshService>();
        foreach (var (key, doc) in index.Services)
        {
            ctx.ReportMetadata(doc.Resource.Metadata, doc.Source, consumed.ContainsKey(key) ? LeafCarried : null);
            if (doc.Name.Length == 0) continue;
            if (consumed.TryGetValue(key, out var parent))
            {
                // A subset's leaf: its ports are the service's (the export writes them back on every leaf); the first leaf gives
                // the names and target ports of a service that has no Service of its own.
                if (CoreServiceReader.Read(doc.Resource, doc.Name, doc.Namespace, doc.Source, ctx) is { } leaf) leaves.TryAdd(parent, leaf with { Selector = EquatableMap<string>.Empty });
                continue;
            }
            if (!_drafts.TryGetValue(key, out var implied))
            {
                // No virtual node or virtual service stands for it: App Mesh does not mesh its pods, and the model has no service for it.
                ctx.NotImported(doc.Source, "$.spec", "No virtual node or virtual service of the input stands for this Service, so App Mesh does not mesh it; it was not imported.");
                continue;
            }
            var read = doc.Resource;
            if (read.Spec?.Selector is not { Count: > 0 } && implied.Selector is { IsEmpty: false } selector)
            {
                // A Service without a selector in front of App Mesh nodes: the nodes' pod selectors say which pods it stands for.
                ImportNotes.Note(ctx, doc.Source, "$.spec", $"The Service has no selector; the model takes the selector its virtual nodes imply, {{ {string.Join(", ", selector.Select(l => $"{l.Key}: {l.Value}"))} }}.");
                read = new CoreService { Metadata = read.Metadata, Spec = new CoreServiceSpec { Ports = read.Spec?.Ports, Selector = new Dictionary<string, string>(selector, StringComparer.Ordinal) } };
            }
            if (CoreServiceReader.Read(read, doc.Name, doc.Namespace, doc.Source, ctx) is { } service)
            {
                cores[key] = service;
                ReportOwnServiceNotWritten(doc.Source);
            }
        }
        return [.. _drafts.Select(d => d.Value.Build(cores.GetValueOrDefault(d.Key) ?? leaves.GetValueOrDefault(d.Key)))];
    }

    /// <summary>
    /// The service's own Service is read into the model, but this translator writes it back only with
    /// <see cref="Mesh.Translation.ServiceOutput.All"/> (by default only the leaf Services DNS discovery names).
    /// </summary>
    private void ReportOwnServiceNotWritten(string source)
    {
        if (output == Mesh.Translation.ServiceOutput.All) return;
        foreach (var path in new[] { "$.spec.ports", "$.spec.selector" })
        {
            ImportNotes.Note(ctx, source, path, $"Read into the model's service; the export writes a service's own Service only with ServiceOutput All (it is {output}), so this is not written back.");
        }
    }

    private static readonly HashSet<string> LeafCarried = new(StringComparer.Ordinal) { LeafServiceLabels.SubsetOf, LeafServiceLabels.ParentSelector };

    private (List<DestinationPolicy>, List<MtlsPolicy>) ReadPolicies()
    {
        var destinations = new List<DestinationPolicy>();
        var byTarget = new Dictionary<PolicyTarget, DestinationPolicy>();
        var mtls = new List<MtlsPolicy>();
        foreach (var (key, node) in _nodes)
        {
            var (pool, outlier) = ListenerPolicyMapping.ToModel(node, ctx);
            if (_externalNodes.Contains(key))
            {
                if (pool is not null || outlier is not null) ctx.NotImported(node.Document.Source, "$.spec.listeners", "Connection limits and outlier detection of an external host's node are not imported.");
                continue;
            }
            mtls.AddRange(TlsMapping.ToModel(node, ctx));
            if (pool is null && outlier is null) continue;
            foreach (var target in (_targets.GetValueOrDefault(key) ?? []).Distinct())
            {
                var policy = new DestinationPolicy { Target = new PolicyTarget { Service = target.Service, Subset = target.Subset }, ConnectionPool = pool, OutlierDetection = outlier };
                // One policy per target: a node reached under several hosts resolves to the same target each time; two nodes
                // standing for one target with different settings keep the first (in namespace/name order), reported.
                if (byTarget.TryAdd(policy.Target, policy)) destinations.Add(policy);
                else if (byTarget[policy.Target] != policy) ctx.NotImported(node.Document.Source, "$.spec.listeners", $"Another virtual node stands for {target.Service}{(target.Subset is null ? "" : "/" + target.Subset)} with other connection limits or outlier detection; the first node's were kept.");
            }
        }
        return (destinations, mtls.Distinct().ToList());
    }

    /// <summary>
    /// The client TLS each node's backends set, on the destination policy of the service the backend's virtual service stands
    /// for (one per service: a second caller with other TLS is reported, the first kept, in namespace/name order).
    /// </summary>
    private void AddClientTls(List<DestinationPolicy> destinations, IReadOnlyList<MeshService> services, IReadOnlyList<ExternalService> externals)
    {
        var ports = services.ToDictionary(s => s.Reference, s => s.Ports.Select(p => p.Port).ToHashSet())
            .Concat(externals.Select(e => KeyValuePair.Create(new ServiceRef(e.Name, e.Namespace), e.Ports.Select(p => p.Port).ToHashSet())))
            .GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Value);
        // One client TLS per destination, or per port of it (null: every port).
        var chosen = new Dictionary<(ServiceRef Service, int? Port), ClientTls>();
        foreach (var (key, node) in _nodes)
        {
            var reads = ClientTlsMapping.ToModel(node, options.Tls, ctx);
            if (_externalNodes.Contains(key))
            {
                if (reads.Count > 0) ctx.NotImported(node.Document.Source, "$.spec.backends", "An external host's node calls nothing in the model: its client TLS is not imported.");
                continue;
            }
            foreach (var (vs, tls, path, limited) in reads)
            {
                if (!_virtualServices.TryGetValue(vs, out var service) || !ports.TryGetValue(service, out var servicePorts))
                {
                    ctx.NotImported(node.Document.Source, path, $"The backend's virtual service {vs} is not a service of the input: its client TLS is not imported.");
                    continue;
                }
                foreach (var port in limited?.Select(p => (int?)p) ?? [null])
                {
                    if (port is { } number && !servicePorts.Contains(number))
                    {
                        ctx.NotImported(node.Document.Source, path + ".ports", $"{service} has no port {number}: the client TLS for it is not imported.");
                    }
                    else if (!chosen.TryAdd((service, port), tls) && chosen[(service, port)] != tls)
                    {
                        ctx.NotImported(node.Document.Source, path, $"Another caller of {service}{(port is null ? "" : $" port {port}")} sets other client TLS, which was kept: the model has one client TLS per destination.");
                    }
                }
            }
        }
        foreach (var ((service, port), tls) in chosen.OrderBy(c => c.Key.Service.Namespace, StringComparer.Ordinal).ThenBy(c => c.Key.Service.Name, StringComparer.Ordinal).ThenBy(c => c.Key.Port ?? 0))
        {
            var target = new PolicyTarget { Service = service, Port = port };
            var index = destinations.FindIndex(d => d.Target == target);
            if (index >= 0) destinations[index] = destinations[index] with { Tls = tls };
            else destinations.Add(new DestinationPolicy { Target = target, Tls = tls });
        }
    }

    /// <summary>Which nodes' pods write an access log, folded into telemetry policies (<see cref="AccessLogMapping.Fold"/>).</summary>
    private List<TelemetryPolicy> ReadTelemetry()
    {
        var nodes = new List<(string, EquatableMap<string>, bool)>();
        foreach (var (key, node) in _nodes)
        {
            var logs = AccessLogMapping.Logs(node, options.AccessLogPath, ctx);
            if (_externalNodes.Contains(key))
            {
                if (logs) ctx.NotImported(node.Document.Source, "$.spec.logging", "The access log of an external host's node is not imported: the model's access logging applies to workloads.");
                continue;
            }
            if (node.Labels is not { IsEmpty: false } labels)
            {
                if (logs) ctx.NotImported(node.Document.Source, "$.spec.logging", "The node selects no pods, so its access log has no workload to apply to; it was not imported.");
                continue;
            }
            nodes.Add((node.Document.Namespace, labels, logs));
        }
        return AccessLogMapping.Fold(nodes);
    }

    private NodeInfo? Node(AppMeshReference reference, string defaultNamespace) =>
        string.IsNullOrEmpty(reference.Name) ? null
            : _nodes.GetValueOrDefault(new ResourceKey(string.IsNullOrEmpty(reference.Namespace) ? defaultNamespace : reference.Namespace, reference.Name));

    private ServiceDraft Draft(ServiceRef service)
    {
        var key = new ResourceKey(service.Namespace, service.Name);
        if (!_drafts.TryGetValue(key, out var draft)) _drafts[key] = draft = new ServiceDraft(service);
        return draft;
    }

    private void AddTarget(NodeInfo node, NodeTarget target)
    {
        if (!_targets.TryGetValue(node.Key, out var list)) _targets[node.Key] = list = [];
        if (!list.Contains(target)) list.Add(target);
    }
}
