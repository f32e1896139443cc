using System.Globalization;
using Mesh.Collections;
using Mesh.Model;
using Mesh.Serialization;

namespace Mesh.Analysis;

/// <summary>
/// Compares the objects of two models that are not routing: services, destination policies, mTLS policies, access policies and
/// external services, each paired by identity and compared field by field in normal form (<see cref="MeshConfig.Normalize"/>).
/// </summary>
internal static class PolicyComparison
{
    public static void Services(MeshConfig desired, MeshConfig live, List<MeshChange> changes)
    {
        foreach (var (d, l, _) in KeyedPairs.Pair(desired.Services, live.Services, s => s.Reference.ToString()))
        {
            var name = (d ?? l)!.Value.Item.Reference.ToString();
            var sink = new ChangeSink(changes, MeshObjectKind.Service, name);
            var dPath = d is { } x ? TreeDiff.Index("$.spec.services", x.Index) : "";
            var lPath = l is { } y ? TreeDiff.Index("$.spec.services", y.Index) : "";
            var dNode = d is null ? null : Tree(Normalizer.Service(d.Value.Item));
            var lNode = l is null ? null : Tree(Normalizer.Service(l.Value.Item));
            if (dNode is null || lNode is null)
            {
                TreeDiff.Compare(dNode, lNode, dPath, lPath, sink);
                continue;
            }
            TreeDiff.Compare(TreeDiff.Without(dNode, "name", "namespace", "ports"), TreeDiff.Without(lNode, "name", "namespace", "ports"), dPath, lPath, sink);
            Ports(d!.Value.Item.Ports, l!.Value.Item.Ports, dPath + ".ports", lPath + ".ports", sink);
        }

        static WriteMapping Tree(MeshService s) => MeshConfigWriter.Service(s with { Ports = [.. s.Ports.Where(p => p is not null).Select(Port)] });
    }

    public static void DestinationPolicies(MeshConfig desired, MeshConfig live, List<MeshChange> changes)
    {
        // A policy that sets nothing configures nothing: the same as none.
        static bool Sets(DestinationPolicy p) =>
            p.Target is not null && Normalizer.Destination(p) is { } n && (n.LoadBalancer is not null || n.ConnectionPool is not null || n.OutlierDetection is not null || n.Tls is not null || n.RateLimit is not null);
        static string Key(DestinationPolicy p) =>
            (p.Target.Subset is { } subset ? $"{p.Target.Service} subset {subset}" : p.Target.Service.ToString())
            + (p.Target.Port is { } port ? $" port {port.ToString(CultureInfo.InvariantCulture)}" : string.Empty);

        foreach (var (d, l, _) in KeyedPairs.Pair(desired.DestinationPolicies, live.DestinationPolicies, Key, Sets))
        {
            var sink = new ChangeSink(changes, MeshObjectKind.DestinationPolicy, Key((d ?? l)!.Value.Item));
            Compare(d, l, "$.spec.destinationPolicies", p => MeshConfigWriter.DestinationPolicy(Normalizer.Destination(p)), ["target"], sink);
        }
    }

    public static void Mtls(MeshConfig desired, MeshConfig live, List<MeshChange> changes)
    {
        static string Key(MtlsPolicy p)
        {
            if (p.Scope is not { } scope) return "?";
            if (scope.Namespace is null) return "mesh";
            if (scope.Workload.IsEmpty) return $"namespace {scope.Namespace}";
            var workload = new Workload(scope.Namespace, scope.Workload).ToString();
            return scope.Port is { } port ? $"{workload} port {port.ToString(CultureInfo.InvariantCulture)}" : workload;
        }

        foreach (var (d, l, _) in KeyedPairs.Pair(desired.Mtls, live.Mtls, Key, p => p.Scope is not null))
        {
            var sink = new ChangeSink(changes, MeshObjectKind.MtlsPolicy, Key((d ?? l)!.Value.Item));
            Compare(d, l, "$.spec.mtls", MeshConfigWriter.Mtls, ["scope"], sink);
        }
    }

    public static void AccessPolicies(MeshConfig desired, MeshConfig live, List<MeshChange> changes)
    {
        // A deny or audit policy without rules does nothing: the same as none. (An allow policy without rules denies everything.)
        static bool Acts(AccessPolicy p) => !(p.Action != AccessAction.Allow && p.Rules.IsEmpty);
        static WriteMapping Tree(AccessPolicy p) => MeshConfigWriter.AccessPolicy(Normalizer.Access(p));

        var pairs = Renamed(KeyedPairs.Pair(desired.AccessPolicies, live.AccessPolicies, p => $"{p.Namespace}/{p.Name}", Acts), Tree);
        foreach (var (d, l, key) in pairs)
        {
            var sink = new ChangeSink(changes, MeshObjectKind.AccessPolicy, key);
            if (d is null || l is null)
            {
                Compare(d, l, "$.spec.accessPolicies", Tree, [], sink);
                continue;
            }
            var dPath = TreeDiff.Index("$.spec.accessPolicies", d.Value.Index);
            var lPath = TreeDiff.Index("$.spec.accessPolicies", l.Value.Index);
            TreeDiff.Compare(TreeDiff.Without(Tree(d.Value.Item), "name", "namespace", "rules"), TreeDiff.Without(Tree(l.Value.Item), "name", "namespace", "rules"), dPath, lPath, sink);
            AccessRules(d.Value.Item.Rules, l.Value.Item.Rules, dPath + ".rules", lPath + ".rules", sink);
        }
    }

    public static void RequestAuthentications(MeshConfig desired, MeshConfig live, List<MeshChange> changes)
    {
        // A policy without JWT rules verifies nothing: the same as none.
        static WriteMapping Tree(RequestAuthentication p) => MeshConfigWriter.RequestAuthentication(Normalizer.RequestAuthentication(p));

        var pairs = Renamed(KeyedPairs.Pair(desired.RequestAuthentications, live.RequestAuthentications, p => $"{p.Namespace}/{p.Name}", p => !p.JwtRules.IsEmpty), Tree);
        foreach (var (d, l, key) in pairs)
        {
            var sink = new ChangeSink(changes, MeshObjectKind.RequestAuthentication, key);
            Compare(d, l, "$.spec.requestAuthentications", Tree, ["name", "namespace"], sink);
        }
    }

    public static void ExternalServices(MeshConfig desired, MeshConfig live, List<MeshChange> changes)
    {
        static WriteMapping Tree(ExternalService e) => MeshConfigWriter.ExternalService(Normalizer.External(e) with { Ports = [.. e.Ports.Where(p => p is not null).Select(Port)] });

        var pairs = Renamed(KeyedPairs.Pair(desired.ExternalServices, live.ExternalServices, e => $"{e.Namespace}/{e.Name}"), Tree);
        foreach (var (d, l, key) in pairs)
        {
            var sink = new ChangeSink(changes, MeshObjectKind.ExternalService, key);
            if (d is null || l is null)
            {
                Compare(d, l, "$.spec.externalServices", Tree, [], sink);
                continue;
            }
            var dPath = TreeDiff.Index("$.spec.externalServices", d.Value.Index);
            var lPath = TreeDiff.Index("$.spec.externalServices", l.Value.Index);
            TreeDiff.Compare(TreeDiff.Without(Tree(d.Value.Item), "name", "namespace", "ports"), TreeDiff.Without(Tree(l.Value.Item), "name", "namespace", "ports"), dPath, lPath, sink);
            Ports(d.Value.Item.Ports, l.Value.Item.Ports, dPath + ".ports", lPath + ".ports", sink);
        }
    }

    /// <summary>
    /// A port as compared: the name left out (services, routes and policies name ports by number; the name moves no traffic)
    /// and the target port made explicit.
    /// </summary>
    private static ServicePort Port(ServicePort p) => p with { Name = null, TargetPort = p.EffectiveTargetPort };

    /// <summary>Ports paired by number: each added, removed, or changed in protocol or target port.</summary>
    private static void Ports(EquatableArray<ServicePort> desired, EquatableArray<ServicePort> live, string dPath, string lPath, ChangeSink sink)
    {
        foreach (var (d, l, _) in KeyedPairs.Pair(desired, live, p => p.Port.ToString(CultureInfo.InvariantCulture)))
        {
            var dNode = d is { } x ? MeshConfigWriter.Port(Port(x.Item)) : null;
            var lNode = l is { } y ? MeshConfigWriter.Port(Port(y.Item)) : null;
            TreeDiff.Compare(dNode, lNode, d is { } a ? TreeDiff.Index(dPath, a.Index) : "", l is { } b ? TreeDiff.Index(lPath, b.Index) : "", sink);
        }
    }

    /// <summary>Access rules as a set: a rule is in both models or it is added or removed (a rule matches requests as a whole).</summary>
    private static void AccessRules(EquatableArray<AccessRule> desired, EquatableArray<AccessRule> live, string dPath, string lPath, ChangeSink sink)
    {
        var d = desired.Where(r => r is not null).Select(Normalizer.AccessRule).ToList();
        var l = live.Where(r => r is not null).Select(Normalizer.AccessRule).ToList();
        var dIndex = Indexes(desired);
        var lIndex = Indexes(live);
        for (var i = 0; i < d.Count; i++)
        {
            if (!l.Contains(d[i]) && d.IndexOf(d[i]) == i) sink.Removed(TreeDiff.Index(dPath, dIndex[i]), TreeDiff.Flow(MeshConfigWriter.AccessRule(d[i])));
        }
        for (var i = 0; i < l.Count; i++)
        {
            if (!d.Contains(l[i]) && l.IndexOf(l[i]) == i) sink.Added(TreeDiff.Index(lPath, lIndex[i]), TreeDiff.Flow(MeshConfigWriter.AccessRule(l[i])));
        }

        static List<int> Indexes(EquatableArray<AccessRule> rules) => [.. Enumerable.Range(0, rules.Count).Where(i => rules[i] is not null)];
    }

    /// <summary>Compares one pair of objects, the identity fields in <paramref name="identity"/> left out.</summary>
    private static void Compare<T>(Indexed<T>? d, Indexed<T>? l, string list, Func<T, WriteMapping> tree, string[] identity, ChangeSink sink)
    {
        var dNode = d is { } x ? tree(x.Item) : null;
        var lNode = l is { } y ? tree(y.Item) : null;
        if (dNode is not null && lNode is not null)
        {
            dNode = TreeDiff.Without(dNode, identity);
            lNode = TreeDiff.Without(lNode, identity);
        }
        TreeDiff.Compare(dNode, lNode, d is { } a ? TreeDiff.Index(list, a.Index) : "", l is { } b ? TreeDiff.Index(list, b.Index) : "", sink);
    }

    /// <summary>
    /// Objects only in one model each, alike but for their name, are one object renamed: a rename grants no access and lets no
    /// other traffic out, so the pair is dropped from the comparison.
    /// </summary>
    private static List<(Indexed<T>? Desired, Indexed<T>? Live, string Key)> Renamed<T>(List<(Indexed<T>? Desired, Indexed<T>? Live, string Key)> pairs, Func<T, WriteMapping> tree)
    {
        var onlyLive = pairs.Where(p => p.Desired is null).ToList();
        var result = new List<(Indexed<T>?, Indexed<T>?, string)>();
        var taken = new HashSet<int>();
        foreach (var pair in pairs)
        {
            if (pair.Desired is { } d && pair.Live is null)
            {
                var content = TreeDiff.Without(tree(d.Item), "name");
                var twin = onlyLive.FindIndex(p => !taken.Contains(p.Live!.Value.Index) && TreeDiff.Same(content, TreeDiff.Without(tree(p.Live!.Value.Item), "name")));
                if (twin >= 0)
                {
                    taken.Add(onlyLive[twin].Live!.Value.Index);
                    continue;
                }
            }
            if (pair.Desired is null && taken.Contains(pair.Live!.Value.Index)) continue;
            result.Add(pair);
        }
        return result;
    }
}
