using Mesh.Collections;
using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Translation;

namespace Mesh.Kubernetes;

/// <summary>
/// Folds leaf Services back into subsets after an import: a service of the imported model that stands for a subset of another
/// — by its <see cref="LeafServiceLabels.SubsetOf"/> annotation, else because it is in the same namespace, has the same port
/// numbers and selects a proper superset of the other's selector — becomes a subset of that service, and every backend,
/// mirror, TCP backend and policy that named it names the parent and the subset instead. So <c>Import(Translate(m))</c>
/// gives back the subsets of <c>m</c> on meshes that route to Services.
/// </summary>
/// <remarks>
/// A service is left as it is when a route is hosted on it, when it has subsets of its own, when a reference already names a
/// subset of it, or when two parents fit equally well.
/// </remarks>
public static class ServiceFolding
{
    /// <summary>Folds the leaf Services of <paramref name="config"/>.</summary>
    /// <param name="config">The imported model.</param>
    /// <param name="services">The core Services of the input, with their sources (for the annotation and for diagnostics).</param>
    /// <param name="provider">The provider (tags the diagnostics).</param>
    /// <param name="diagnostics">Receives an information per folded Service.</param>
    /// <returns>The model with leaf Services folded.</returns>
    public static MeshConfig Fold(MeshConfig config, IReadOnlyList<(CoreService Service, string Source)> services, ProviderName provider, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (config.Services.Count < 2) return config;

        var marks = new Dictionary<ServiceRef, (string Parent, string Subset, EquatableMap<string>? ParentSelector)>();
        var sources = new Dictionary<ServiceRef, string>();
        // The selectors the Services of the input state: a leaf known to the model only by reference (declared by completion
        // with the default selector) still folds with the labels it really selects.
        var selectors = new Dictionary<ServiceRef, EquatableMap<string>>();
        foreach (var (service, source) in services)
        {
            if (service.Metadata?.Name is not { Length: > 0 } name) continue;
            var reference = new ServiceRef(name, string.IsNullOrEmpty(service.Metadata.NamespaceProperty) ? config.Services.FirstOrDefault(s => s.Name == name)?.Namespace ?? "" : service.Metadata.NamespaceProperty);
            sources.TryAdd(reference, source);
            if (service.Spec?.Selector is { Count: > 0 } written && written.All(l => Validation.KubernetesNames.IsLabelKey(l.Key) && Validation.KubernetesNames.IsLabelValue(l.Value)))
            {
                selectors.TryAdd(reference, written.ToEquatableMap());
            }
            if (service.Metadata.Annotations is { } annotations && annotations.TryGetValue(LeafServiceLabels.SubsetOf, out var mark) && LeafServiceLabels.TryParse(mark, out var parent, out var subset))
            {
                EquatableMap<string>? parentSelector = annotations.TryGetValue(LeafServiceLabels.ParentSelector, out var text) && LeafServiceLabels.TryParseSelector(text, out var parsed) ? parsed : null;
                marks.TryAdd(reference, (parent, subset, parentSelector));
            }
        }

        // A leaf whose parent the input lacks (a mesh that writes only leaf Services, the parent not being a route host):
        // the parent is declared from the leaf — its selector from the annotation, its ports the leaf's.
        foreach (var leaf in config.Services.ToList())
        {
            if (!marks.TryGetValue(leaf.Reference, out var m) || m.ParentSelector is not { } parentSelector) continue;
            var parentRef = new ServiceRef(m.Parent, leaf.Namespace);
            if (config.Services.Any(s => s.Reference == parentRef)) continue;
            config = config with { Services = [.. config.Services, new MeshService { Name = m.Parent, Namespace = leaf.Namespace, Selector = parentSelector, Ports = leaf.Ports }] };
            var at = sources.TryGetValue(leaf.Reference, out var leafSource) ? $"{leafSource} $.metadata.annotations" : "$.spec.services";
            diagnostics.Add(Diagnostic.Info(DiagnosticCodes.ServiceInferred, at, $"Service '{parentRef}' is not in the input; it is declared from its leaf Service '{leaf.Reference}' (the parent's selector from {LeafServiceLabels.ParentSelector}, the leaf's ports).") with { Provider = provider });
        }

        var pinned = Pinned(config);
        var byRef = config.Services.ToDictionary(s => s.Reference);
        var folds = new Dictionary<ServiceRef, (MeshService Parent, Subset Subset, bool Marked, MeshService Leaf)>();
        foreach (var leaf in config.Services)
        {
            if (!leaf.Subsets.IsEmpty || pinned.Contains(leaf.Reference)) continue;
            MeshService? parent = null;
            string? subsetName = null;
            var marked = false;
            if (marks.TryGetValue(leaf.Reference, out var mark) && byRef.TryGetValue(new ServiceRef(mark.Parent, leaf.Namespace), out var markedParent) && markedParent != leaf)
            {
                parent = markedParent;
                subsetName = mark.Subset;
                marked = true;
            }
            else
            {
                parent = StructuralParent(leaf, config.Services);
            }
            if (parent is null) continue;
            var labels = Difference(selectors.TryGetValue(leaf.Reference, out var stated) ? stated : leaf.EffectiveSelector, parent.EffectiveSelector);
            subsetName ??= SubsetName(leaf.Name, parent);
            if (parent.FindSubset(subsetName) is { } existing && existing.Labels != labels) subsetName = leaf.Name;
            folds[leaf.Reference] = (parent, new Subset { Name = subsetName, Labels = labels }, marked, leaf);
        }
        // A parent that is itself folded would leave its leaves dangling: keep such chains unfolded.
        foreach (var leaf in folds.Keys.ToList())
        {
            if (folds.ContainsKey(folds[leaf].Parent.Reference)) folds.Remove(leaf);
        }
        if (folds.Count == 0) return config;

        var added = new Dictionary<ServiceRef, List<Subset>>();
        foreach (var (leaf, (parent, subset, marked, _)) in folds.OrderBy(f => f.Key.ToString(), StringComparer.Ordinal))
        {
            if (!added.TryGetValue(parent.Reference, out var list)) added[parent.Reference] = list = [];
            if (parent.FindSubset(subset.Name) is null && !list.Exists(s => s.Name == subset.Name)) list.Add(subset);
            var why = marked ? $"its {LeafServiceLabels.SubsetOf} annotation" : $"it selects the workloads of '{parent.Name}' and more labels, with the same ports";
            var labels = subset.Labels.IsEmpty ? "no more labels" : string.Join(", ", subset.Labels.Select(l => $"{l.Key}: {l.Value}"));
            var path = sources.TryGetValue(leaf, out var source) ? $"{source} $.metadata.name" : "$.spec.services";
            diagnostics.Add(Diagnostic.Info(DiagnosticCodes.SubsetFolded, path, $"Service '{leaf}' is read as subset '{subset.Name}' ({labels}) of service '{parent.Reference}' ({why}); references to it name the subset.") with { Provider = provider });
        }

        (ServiceRef, string?) Map(ServiceRef service, string? subset) =>
            subset is null && folds.TryGetValue(service, out var f) ? (f.Parent.Reference, f.Subset.Name) : (service, subset);
        WeightedBackend Backend(WeightedBackend b)
        {
            var (service, subset) = Map(b.Service, b.Subset);
            return b with { Service = service, Subset = subset };
        }
        PolicyTarget? Target(PolicyTarget? t)
        {
            if (t is null) return null;
            var (service, subset) = Map(t.Service, t.Subset);
            return t with { Service = service, Subset = subset };
        }

        return config with
        {
            Services = [.. config.Services.Where(s => !folds.ContainsKey(s.Reference)).Select(s => added.TryGetValue(s.Reference, out var extra) ? s with { Subsets = [.. s.Subsets, .. extra], Ports = Ports(s, folds.Values.Where(f => f.Parent == s)) } : s)],
            Routes = [.. config.Routes.Select(r => r with
            {
                Rules = [.. r.Rules.Select(rule => rule with
                {
                    Backends = [.. rule.Backends.Select(Backend)],
                    Mirror = rule.Mirror is { } m ? Mirror(m, Map) : null,
                })],
            })],
            TcpRoutes = [.. config.TcpRoutes.Select(t => t with { Backends = [.. t.Backends.Select(Backend)] })],
            GatewayTlsRoutes = [.. config.GatewayTlsRoutes.Select(t => t with { Backends = [.. t.Backends.Select(Backend)] })],
            GatewayTcpRoutes = [.. config.GatewayTcpRoutes.Select(t => t with { Backends = [.. t.Backends.Select(Backend)] })],
            GatewayRoutes = [.. config.GatewayRoutes.Select(r => r with
            {
                Rules = [.. r.Rules.Select(rule => rule with
                {
                    Backends = [.. rule.Backends.Select(Backend)],
                    Mirror = rule.Mirror is { } m ? Mirror(m, Map) : null,
                })],
            })],
            DestinationPolicies = [.. config.DestinationPolicies.Select(p => p with { Target = Target(p.Target)! })],
            AccessPolicies = [.. config.AccessPolicies.Select(p => p with { Target = Target(p.Target) })],
            RequestAuthentications = [.. config.RequestAuthentications.Select(p => p with { Target = Target(p.Target) })],
        };
    }

    /// <summary>The parent's ports, plus the ports of its leaves it lacks (a parent declared only from a route's reference has none).</summary>
    private static EquatableArray<ServicePort> Ports(MeshService parent, IEnumerable<(MeshService Parent, Subset Subset, bool Marked, MeshService Leaf)> leaves)
    {
        var ports = parent.Ports.ToList();
        foreach (var port in leaves.SelectMany(l => l.Leaf.Ports))
        {
            if (!ports.Exists(p => p.Port == port.Port)) ports.Add(port);
        }
        return ports.Count == parent.Ports.Count ? parent.Ports : [.. ports];
    }

    private static Mirror Mirror(Mirror mirror, Func<ServiceRef, string?, (ServiceRef, string?)> map)
    {
        var (service, subset) = map(mirror.Service, mirror.Subset);
        return mirror with { Service = service, Subset = subset };
    }

    /// <summary>Services that cannot be folded: route hosts, and services a reference names with a subset.</summary>
    private static HashSet<ServiceRef> Pinned(MeshConfig config)
    {
        var pinned = new HashSet<ServiceRef>();
        foreach (var route in config.Routes)
        {
            pinned.Add(route.Host);
            foreach (var rule in route.Rules)
            {
                foreach (var b in rule.Backends) if (b.Subset is not null) pinned.Add(b.Service);
                if (rule.Mirror is { Subset: not null } m) pinned.Add(m.Service);
            }
        }
        foreach (var rule in config.GatewayRoutes.SelectMany(r => r.Rules))
        {
            foreach (var b in rule.Backends) if (b.Subset is not null) pinned.Add(b.Service);
            if (rule.Mirror is { Subset: not null } m) pinned.Add(m.Service);
        }
        foreach (var b in config.GatewayTlsRoutes.SelectMany(r => r.Backends).Concat(config.GatewayTcpRoutes.SelectMany(r => r.Backends)))
        {
            if (b.Subset is not null) pinned.Add(b.Service);
        }
        foreach (var tcp in config.TcpRoutes)
        {
            pinned.Add(tcp.Host);
            foreach (var b in tcp.Backends) if (b.Subset is not null) pinned.Add(b.Service);
        }
        foreach (var p in config.DestinationPolicies) if (p.Target.Subset is not null) pinned.Add(p.Target.Service);
        foreach (var p in config.AccessPolicies) if (p.Target?.Subset is not null) pinned.Add(p.Target.Service);
        foreach (var p in config.RequestAuthentications) if (p.Target?.Subset is not null) pinned.Add(p.Target.Service);
        return pinned;
    }

    /// <summary>The one service in the leaf's namespace with the same port numbers whose selector the leaf's properly contains; the most specific wins, a tie folds nothing.</summary>
    private static MeshService? StructuralParent(MeshService leaf, EquatableArray<MeshService> services)
    {
        MeshService? best = null;
        var tie = false;
        var selector = leaf.EffectiveSelector;
        foreach (var candidate in services)
        {
            if (candidate == leaf || candidate.Namespace != leaf.Namespace || !SamePorts(candidate, leaf)) continue;
            var parentSelector = candidate.EffectiveSelector;
            if (parentSelector.Count >= selector.Count || !parentSelector.All(e => selector.TryGetValue(e.Key, out var v) && v == e.Value)) continue;
            if (best is null || parentSelector.Count > best.EffectiveSelector.Count)
            {
                best = candidate;
                tie = false;
            }
            else if (parentSelector.Count == best.EffectiveSelector.Count)
            {
                tie = true;
            }
        }
        return tie ? null : best;
    }

    private static bool SamePorts(MeshService a, MeshService b) =>
        !a.Ports.IsEmpty && a.Ports.Select(p => p.Port).Order().SequenceEqual(b.Ports.Select(p => p.Port).Order());

    /// <summary>The leaf's labels that the parent's selector does not already say.</summary>
    private static EquatableMap<string> Difference(EquatableMap<string> leaf, EquatableMap<string> parent) =>
        leaf.Where(e => !(parent.TryGetValue(e.Key, out var v) && v == e.Value)).ToEquatableMap();

    /// <summary><c>reviews-v1</c> under <c>reviews</c> is subset <c>v1</c>; otherwise the leaf's own name.</summary>
    private static string SubsetName(string leaf, MeshService parent)
    {
        var prefix = parent.Name + "-";
        if (leaf.StartsWith(prefix, StringComparison.Ordinal) && Validation.DnsNames.IsDnsLabel(leaf[prefix.Length..])) return leaf[prefix.Length..];
        return leaf;
    }
}
