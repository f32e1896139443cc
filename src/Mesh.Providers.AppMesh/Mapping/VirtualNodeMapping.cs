using System.Globalization;
using Mesh.Collections;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.AppMesh.Resources;
using Mesh.Providers.AppMesh.Translation;

namespace Mesh.Providers.AppMesh.Mapping;

/// <summary>
/// Virtual nodes (see <see cref="NodePlan"/> for which exist): pod selector = the service's selector ∪ the subset's labels;
/// discovery by DNS (the node's Service: the service's own or the subset's leaf Service) or AWS Cloud Map (the service's name,
/// a subset selected by its labels as instance attributes); a listener per port carrying the destination policy's limits and
/// outlier detection and the effective mTLS mode; the virtual services the node may call as backends. A subset node is
/// annotated like the kit's leaf Service (<see cref="LeafServiceLabels.SubsetOf"/>, <see cref="LeafServiceLabels.ParentSelector"/>)
/// so the import rebuilds the exact selector and subset name.
/// </summary>
internal static partial class VirtualNodeMapping
{
    // Model → App Mesh.
    public static VirtualNode ToAppMesh(PlannedNode node, IReadOnlyList<ServiceRef> virtualServices, bool anyEncrypted, AppMeshExportContext ctx)
    {
        var service = node.Service;
        var policy = DestinationPolicyMapping.For(node, ctx);
        var resource = new VirtualNode
        {
            Metadata = { Name = node.Name, NamespaceProperty = node.Namespace },
            Spec =
            {
                PodSelector = service is null ? null : new AppMeshLabelSelector { MatchLabels = Lists.OrNull(node.Labels) },
                Listeners = Listeners(node, policy, ctx),
                ServiceDiscovery = Discovery(node, ctx),
                Backends = service is null || ctx.Options.Backends != AppMeshBackends.List ? null : Lists.OrNull(Backends(node, virtualServices, ctx)),
                BackendGroups = service is null || ctx.Options.Backends != AppMeshBackends.NamespaceGroups ? null : Lists.OrNull(BackendGroups(node, virtualServices, ctx)),
                BackendDefaults = TlsMapping.ClientDefaults(node, anyEncrypted, ctx),
                Logging = AccessLogMapping.ToAppMesh(node, ctx),
            },
        };
        if (service is not null && node.Subset is { } subset)
        {
            resource.Metadata.Annotations = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [LeafServiceLabels.SubsetOf] = $"{service.Name}/{subset.Name}",
                [LeafServiceLabels.ParentSelector] = LeafServiceLabels.FormatSelector(service.EffectiveSelector),
            };
        }
        return resource;
    }

    private static List<VirtualNodeListener>? Listeners(PlannedNode node, (DestinationPolicy Policy, int Index)? policy, AppMeshExportContext ctx)
    {
        if (node.Ports.IsEmpty) return null;
        var listeners = new List<VirtualNodeListener>(node.Ports.Count);
        for (var k = 0; k < node.Ports.Count; k++) listeners.Add(Listener(node, node.Ports[k], k, policy, ctx));
        return listeners;
    }

    private static VirtualNodeListener Listener(PlannedNode node, ServicePort port, int k, (DestinationPolicy Policy, int Index)? policy, AppMeshExportContext ctx)
    {
        // The path is formatted only for a diagnostic: most listeners raise none.
        string Path() => $"{node.Path}.ports[{k}]";
        var protocol = ListenerProtocols.Of(port.Protocol);
        if (port.Protocol == Protocol.Tls)
        {
            ctx.ApproximatedOnce($"{Path()}.protocol", "App Mesh listeners speak http, http2, grpc or tcp: the TLS port is written as a tcp listener (TLS passes through; there is no SNI routing).");
        }
        if (node.Service is not null)
        {
            var target = port.EffectiveTargetPort;
            if (target.Name is { } named)
            {
                ctx.ApproximatedOnce($"{Path()}.targetPort", $"App Mesh's Envoy forwards to the port callers use: the named target port '{named}' is not written, so the pods must listen on {port.Port}.");
            }
            else if (target.Number != port.Port)
            {
                ctx.ApproximatedOnce($"{Path()}.targetPort", string.Create(CultureInfo.InvariantCulture, $"App Mesh's Envoy forwards to the port callers use: target port {target.Number} is not written, so the pods must listen on {port.Port}."));
            }
        }
        var listener = new VirtualNodeListener
        {
            PortMapping = new PortMapping { Port = port.Port, Protocol = protocol },
            Tls = TlsMapping.Listener(node, port, ctx),
        };
        if (policy is { } p)
        {
            var policyPath = $"$.spec.destinationPolicies[{p.Index}]";
            if (p.Policy.ConnectionPool is { } pool) listener.ConnectionPool = ConnectionPoolMapping.ToAppMesh(pool, protocol, port.Port, $"{policyPath}.connectionPool", ctx);
            if (p.Policy.OutlierDetection is { } outlier) listener.OutlierDetection = OutlierDetectionMapping.ToAppMesh(outlier);
        }
        return listener;
    }

    private static ServiceDiscovery Discovery(PlannedNode node, AppMeshExportContext ctx)
    {
        if (node.Service is { } service && ctx.Options.Discovery == AppMeshDiscovery.CloudMap)
        {
            if (ctx.Options.CloudMapNamespace is { } cloudMap)
            {
                return new ServiceDiscovery
                {
                    AwsCloudMap = new AwsCloudMapServiceDiscovery
                    {
                        NamespaceName = cloudMap,
                        ServiceName = service.Name,
                        Attributes = node.Subset is { } subset ? Attributes(node, subset, ctx) : null,
                    },
                };
            }
            ctx.UnsupportedOnce("$.spec.services", "Cloud Map discovery needs AppMeshOptions.CloudMapNamespace, which is not set: virtual nodes are discovered by DNS (their Kubernetes Services) instead.");
        }
        var host = node.Host ?? ctx.Fqdn(new ServiceRef(node.Name, node.Namespace));
        return new ServiceDiscovery { Dns = new DnsServiceDiscovery { Hostname = host } };
    }

    /// <summary>
    /// A subset's labels as Cloud Map instance attributes, sorted by key. Cloud Map attribute values are not empty: a label
    /// with an empty value is left out (the node then also finds instances without it), reported.
    /// </summary>
    private static List<AwsCloudMapInstanceAttribute>? Attributes(PlannedNode node, Subset subset, AppMeshExportContext ctx)
    {
        foreach (var empty in subset.Labels.Where(l => l.Value.Length == 0))
        {
            ctx.Approximated($"{node.Path}.subsets.{subset.Name}", $"Cloud Map attribute values cannot be empty: the label '{empty.Key}' is not written as an attribute, so the node also finds instances of the service without it.");
        }
        return Lists.OrNull(subset.Labels.Where(l => l.Value.Length > 0).OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => new AwsCloudMapInstanceAttribute { Key = l.Key, Value = l.Value }));
    }

    /// <summary>App Mesh's default quota of backends per virtual node.</summary>
    public const int BackendQuota = 50;

    /// <summary>
    /// Every other virtual service of the export (the node's own service's excepted), sorted by namespace and name, less those
    /// whose ALLOW access policies name only namespaces other than the node's (<see cref="AccessPolicyMapping.CallerIndex"/>).
    /// The entries are shared by every node of a namespace (built once per caller namespace).
    /// </summary>
    private static List<Backend> Backends(PlannedNode node, IReadOnlyList<ServiceRef> virtualServices, AppMeshExportContext ctx)
    {
        var callable = ctx.Callable(node.Namespace, virtualServices);
        var backends = new List<Backend>(callable.Count);
        foreach (var (vs, backend) in callable)
        {
            if (vs != node.Owner) backends.Add(ClientTlsMapping.WithPolicy(backend, vs, node, ctx));
        }
        if (backends.Count > BackendQuota)
        {
            ctx.NoteOnce("$.spec.services", string.Create(CultureInfo.InvariantCulture,
                $"A virtual node lists {backends.Count} backends; App Mesh's default quota is {BackendQuota} per node: raise it, or write namespace backend groups (AppMeshOptions.Backends = NamespaceGroups)."));
        }
        return backends;
    }

    /// <summary>
    /// One namespace wildcard group (<c>name: "*"</c>) per namespace with a virtual service the node may call; a group that
    /// also holds services the model's policies keep from the node is reported once.
    /// </summary>
    private static List<AppMeshReference> BackendGroups(PlannedNode node, IReadOnlyList<ServiceRef> virtualServices, AppMeshExportContext ctx)
    {
        ctx.NoteOnce("$.spec.services", "Virtual nodes name their backends by namespace backend groups (name \"*\"): the App Mesh controller needs enableBackendGroups=true.");
        var (namespaces, wider) = ctx.CallableNamespaces(node.Namespace, virtualServices);
        if (wider && namespaces.Count > 0)
        {
            ctx.ApproximatedOnce("$.spec.accessPolicies", "A namespace backend group holds every virtual service of its namespace, including those the model's namespace-only ALLOW policies keep from some callers.");
        }
        var groups = new List<AppMeshReference>(namespaces.Count);
        foreach (var ns in namespaces) groups.Add(new AppMeshReference { Name = "*", Namespace = ns == node.Namespace ? null : ns });
        return groups;
    }

    // App Mesh → model.
    /// <summary>Reads <paramref name="node"/> once, reporting every field the model does not carry.</summary>
    public static NodeInfo ToModel(ImportDocument<VirtualNode> node, ImportContext ctx)
    {
        var (source, spec) = (node.Source, node.Resource.Spec);
        if (spec.AwsName is not null) ctx.NotImportedInfo(source, "$.spec.awsName", "The App Mesh name of a node is derived on export; it is not part of the model.");
        if (spec.MeshRef is not null) ctx.NotImportedInfo(source, "$.spec.meshRef", "The mesh reference is set by the App Mesh controller.");
        if (spec.Backends is { Count: > 0 } backends)
        {
            // A backend's client TLS is carried (ClientTlsMapping): then only the names are reported, backend by backend.
            const string derived = "The virtual services a node may call are derived from the model on export (every service and external service).";
            if (!backends.Any(b => b?.VirtualService?.ClientPolicy is not null)) ctx.NotImportedInfo(source, "$.spec.backends", derived);
            else
            {
                for (var j = 0; j < backends.Count; j++)
                {
                    if (backends[j]?.VirtualService is not { } vs) ctx.NotImportedInfo(source, $"$.spec.backends[{j}]", derived);
                    else if (vs.VirtualServiceArn is not null) ctx.NotImportedInfo(source, $"$.spec.backends[{j}].virtualService.virtualServiceARN", derived);
                    else ctx.NotImportedInfo(source, $"$.spec.backends[{j}].virtualService.virtualServiceRef", derived);
                }
            }
        }
        if (spec.BackendGroups is { Count: > 0 }) ctx.NotImportedInfo(source, "$.spec.backendGroups", "Backend groups are an allow-list of callees the model derives on export.");
        var labels = ReadSelector(spec.PodSelector, source, "$.spec.podSelector", ctx);
        var listeners = ReadListeners(spec.Listeners, source, ctx);
        var hostname = ReadDiscovery(spec.ServiceDiscovery, source, ctx);
        var (subsetOf, parentSelector) = ReadAnnotations(node.Resource.Metadata?.Annotations, source, ctx);
        return new NodeInfo(node, labels, listeners, hostname, subsetOf, parentSelector);
    }

    /// <summary>A label selector's <c>matchLabels</c> (null without a selector); <c>matchExpressions</c> are reported.</summary>
    public static EquatableMap<string>? ReadSelector(AppMeshLabelSelector? selector, string source, string path, ImportContext ctx)
    {
        if (selector is null) return null;
        if (selector.MatchExpressions is { Count: > 0 })
        {
            ctx.NotImported(source, path + ".matchExpressions", "The model selects workloads by labels only; the expressions are not imported, so the selector is broader.");
        }
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in selector.MatchLabels ?? [])
        {
            if (string.IsNullOrEmpty(key) || value is null)
            {
                ctx.Invalid(source, path + ".matchLabels" + JsonPaths.Segment(key ?? string.Empty), "A label needs a key and a value.");
                continue;
            }
            labels[key] = value;
        }
        return labels.ToEquatableMap();
    }

    private static List<NodeListener> ReadListeners(List<VirtualNodeListener>? listeners, string source, ImportContext ctx)
    {
        var result = new List<NodeListener>();
        var seen = new HashSet<int>();
        for (var i = 0; i < (listeners?.Count ?? 0); i++)
        {
            if (listeners![i] is not { } listener) continue;
            var path = $"$.spec.listeners[{i}]";
            if (listener.HealthCheck is not null) ctx.NotImportedInfo(source, path + ".healthCheck", "Active health checking (Envoy probing the listener) has no place in the model; it is not imported. Kubernetes readiness probes keep unhealthy pods out of the Service's endpoints.");
            if (listener.Timeout is not null) ctx.NotImported(source, path + ".timeout", "Listener timeouts (the inbound side) are not part of the model; route timeouts are.");
            if (ListenerMapping.ToModel(listener.PortMapping, source, path + ".portMapping", ctx) is not { } port) continue;
            if (!seen.Add(port.Port))
            {
                ctx.Invalid(source, path + ".portMapping.port", string.Create(CultureInfo.InvariantCulture, $"Port {port.Port} has two listeners; this one is not imported."));
                continue;
            }
            result.Add(new NodeListener(i, port.Port, port.Protocol, listener));
        }
        return result;
    }

    private static string? ReadDiscovery(ServiceDiscovery? discovery, string source, ImportContext ctx)
    {
        if (discovery?.Dns is { } dns)
        {
            if (dns.ResponseType is not null) ctx.NotImportedInfo(source, "$.spec.serviceDiscovery.dns.responseType", "How Envoy balances over DNS answers is not part of the model.");
            if (string.IsNullOrEmpty(dns.Hostname)) ctx.Invalid(source, "$.spec.serviceDiscovery.dns.hostname", "DNS discovery needs a hostname.");
            else return dns.Hostname;
        }
        return null;
    }

    private static ((string, string)? SubsetOf, EquatableMap<string>? ParentSelector) ReadAnnotations(IDictionary<string, string>? annotations, string source, ImportContext ctx)
    {
        (string, string)? subsetOf = null;
        EquatableMap<string>? parentSelector = null;
        if (annotations is null) return (null, null);
        if (annotations.TryGetValue(LeafServiceLabels.SubsetOf, out var value))
        {
            if (LeafServiceLabels.TryParse(value, out var parent, out var subset)) subsetOf = (parent, subset);
            else ctx.NotImported(source, "$.metadata.annotations" + JsonPaths.Segment(LeafServiceLabels.SubsetOf), $"'{value}' is not <service>/<subset>; the node is resolved by its labels.");
        }
        if (annotations.TryGetValue(LeafServiceLabels.ParentSelector, out var selector))
        {
            if (LeafServiceLabels.TryParseSelector(selector, out var labels)) parentSelector = labels;
            else ctx.NotImported(source, "$.metadata.annotations" + JsonPaths.Segment(LeafServiceLabels.ParentSelector), $"'{selector}' is not a list of key=value labels; the node is resolved by its labels.");
        }
        return (subsetOf, parentSelector);
    }

    /// <summary>
    /// Where <paramref name="node"/>'s pods sit when <paramref name="host"/>'s router sends to it: the subset its annotations name
    /// (of the host or of another service); the whole host when its pod selector is the host's selector (the node's own service
    /// when its DNS names another Service <paramref name="declared"/> says is in the input); a subset (the node's name less a <c>host-</c> prefix) with the
    /// extra labels when it is a proper superset; otherwise the node's own service.
    /// </summary>
    public static (NodeTarget Target, EquatableMap<string>? SubsetLabels) Resolve(NodeInfo node, ServiceRef host, EquatableMap<string> hostSelector, string domain, Func<ServiceRef, bool> declared)
    {
        var labels = node.Labels ?? EquatableMap<string>.Empty;
        var sameNamespace = string.Equals(node.Document.Namespace, host.Namespace, StringComparison.Ordinal);
        if (sameNamespace && node.SubsetOf is { } annotated && string.Equals(annotated.Parent, host.Name, StringComparison.Ordinal))
        {
            return (new NodeTarget(host, annotated.Subset), Difference(labels, node.ParentSelector ?? hostSelector));
        }
        // A subset node the export annotated is that subset of its parent, whichever host routes to it — even when its
        // labels also select a subset of the routing host's pods (a selector that is a prefix of the parent's).
        if (node.SubsetOf is { } subsetOf && node.ParentSelector is { } parentSelector)
        {
            return (new NodeTarget(new ServiceRef(subsetOf.Parent, node.Document.Namespace), subsetOf.Subset), Difference(labels, parentSelector));
        }
        if (sameNamespace && !hostSelector.IsEmpty && Contains(labels, hostSelector))
        {
            if (labels.Count == hostSelector.Count)
            {
                // The host's pods — unless the node names a Service of its own the input declares (two services, one selector).
                var own = OwnService(node, domain);
                return (new NodeTarget(own != host && declared(own) ? own : host, null), null);
            }
            return (new NodeTarget(host, SubsetName(node.Document.Name, host.Name)), Difference(labels, hostSelector));
        }
        return (new NodeTarget(OwnService(node, domain), null), null);
    }

    /// <summary>The service a node stands for on its own: the Service its DNS hostname names in its namespace, else the node's name.</summary>
    public static ServiceRef OwnService(NodeInfo node, string domain) =>
        VirtualServiceMapping.TryParseHost(node.DnsHostname, domain, out var named) && string.Equals(named.Namespace, node.Document.Namespace, StringComparison.Ordinal)
            ? named
            : new ServiceRef(node.Document.Name, node.Document.Namespace);

    /// <summary>Whether <paramref name="labels"/> holds every label of <paramref name="selector"/>.</summary>
    public static bool Contains(EquatableMap<string> labels, EquatableMap<string> selector) =>
        selector.All(l => labels.TryGetValue(l.Key, out var v) && string.Equals(v, l.Value, StringComparison.Ordinal));

    /// <summary>The labels of <paramref name="labels"/> that <paramref name="selector"/> does not say.</summary>
    public static EquatableMap<string> Difference(EquatableMap<string> labels, EquatableMap<string> selector) =>
        labels.Where(l => !selector.TryGetValue(l.Key, out var v) || !string.Equals(v, l.Value, StringComparison.Ordinal)).ToEquatableMap();

    private static string SubsetName(string node, string host) =>
        node.Length > host.Length + 1 && node.StartsWith(host + "-", StringComparison.Ordinal) ? node[(host.Length + 1)..] : node;
}

/// <summary>Cloud Map discovery: a translator option on export, so it is reported; attributes that filter beyond the pod labels are a warning.</summary>
internal static partial class VirtualNodeMapping
{
    public static void ReportCloudMap(NodeInfo node, ImportContext ctx)
    {
        if (node.Document.Resource.Spec.ServiceDiscovery?.AwsCloudMap is not { } cloudMap) return;
        const string path = "$.spec.serviceDiscovery.awsCloudMap";
        ctx.NotImportedInfo(node.Document.Source, path, "How nodes are discovered (DNS or AWS Cloud Map, its namespace and service) is an option of the translator, not part of the model.");
        var attributes = cloudMap.Attributes ?? [];
        var labels = node.Labels ?? EquatableMap<string>.Empty;
        for (var i = 0; i < attributes.Count; i++)
        {
            if (attributes[i] is not { Key: { Length: > 0 } key } attribute || attribute.Value is null)
            {
                ctx.Invalid(node.Document.Source, $"{path}.attributes[{i}]", "A Cloud Map attribute needs a key and a value.");
                continue;
            }
            if (!labels.TryGetValue(key, out var value) || !string.Equals(value, attribute.Value, StringComparison.Ordinal))
            {
                ctx.NotImported(node.Document.Source, $"{path}.attributes[{i}]", $"Cloud Map attribute {key}={attribute.Value} is not a label of the node's pod selector; the model selects the node's pods by its labels only.");
            }
        }
    }
}
