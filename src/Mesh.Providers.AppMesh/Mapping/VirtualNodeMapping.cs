using System.Globalization;
using Mesh.Collections;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.AppMesh.Resources;
using Mesh.Providers.AppMesh.Translation;

namespace Mesh.Providers.AppMesh.Mapping;

/// <summary>
/// Virtual nodes → workloads: the pod selector, the listeners (ports), the discovery name and the annotations the export writes;
/// then, against a router's host, which service or subset the node's pods are. Everything else on a node is reported.
/// </summary>
internal static partial class VirtualNodeMapping
{
    /// <summary>Reads <paramref name="node"/> once, reporting every field the model does not carry.</summary>
    public static NodeInfo ToModel(ImportDocument<VirtualNode> node, ImportContext ctx)
    {
        var (source, spec) = (node.Source, node.Resource.Spec);
        if (spec.AwsName is not null) ctx.NotImportedInfo(source, "$.spec.awsName", "The App Mesh name of a node is derived on export; it is not part of the model.");
        if (spec.MeshRef is not null) ctx.NotImportedInfo(source, "$.spec.meshRef", "The mesh reference is set by the App Mesh controller.");
        if (spec.Backends is { Count: > 0 }) ctx.NotImportedInfo(source, "$.spec.backends", "The virtual services a node may call are derived from the model on export (every service and external service).");
        if (spec.BackendGroups is { Count: > 0 }) ctx.NotImportedInfo(source, "$.spec.backendGroups", "Backend groups are an allow-list of callees the model derives on export.");
        if (spec.Logging is not null) ctx.NotImportedInfo(source, "$.spec.logging", "Access logging is not part of the model.");
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
    /// Where <paramref name="node"/>'s pods sit when <paramref name="host"/>'s router sends to it: the subset its annotations name;
    /// the whole host when its pod selector is the host's selector; a subset (the node's name less a <c>host-</c> prefix) with the
    /// extra labels when it is a proper superset; otherwise the node's own service.
    /// </summary>
    public static (NodeTarget Target, EquatableMap<string>? SubsetLabels) Resolve(NodeInfo node, ServiceRef host, EquatableMap<string> hostSelector, string domain)
    {
        var labels = node.Labels ?? EquatableMap<string>.Empty;
        var sameNamespace = string.Equals(node.Document.Namespace, host.Namespace, StringComparison.Ordinal);
        if (sameNamespace && node.SubsetOf is { } annotated && string.Equals(annotated.Parent, host.Name, StringComparison.Ordinal))
        {
            return (new NodeTarget(host, annotated.Subset), Difference(labels, node.ParentSelector ?? hostSelector));
        }
        if (sameNamespace && !hostSelector.IsEmpty && Contains(labels, hostSelector))
        {
            if (labels.Count == hostSelector.Count) return (new NodeTarget(host, null), null);
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
