using System.Globalization;
using Mesh.Collections;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.AppMesh.Resources;
using Mesh.Providers.AppMesh.Translation;

namespace Mesh.Providers.AppMesh.Mapping;

/// <summary>
/// Weighted backends → a route's <c>weightedTargets</c> (at most 10, weights 0–100): each backend's node (the subset's; a whole
/// service with subsets is its subsets' nodes with the weight split equally, reported), in another namespace named with it;
/// <c>port</c> the backend's, or the route's on a router with several listeners. Weights that fit are kept; otherwise they
/// are reduced (<see cref="Weights.Scale"/>), and a change of ratio is reported as rounded.
/// </summary>
internal static partial class TargetMapping
{
    // Model → App Mesh.
    /// <summary>App Mesh's limit of weighted targets per route.</summary>
    public const int MaxTargets = 10;

    /// <summary>The action, or null when no backend has a node (reported).</summary>
    public static RouteAction? ToAppMesh(EquatableArray<WeightedBackend> backends, string path, string routerNamespace, int? routePort, AppMeshExportContext ctx, bool implicitSplit = false)
    {
        var resolved = new List<(WeightedBackend Backend, IReadOnlyList<PlannedNode> Nodes)>(backends.Count);
        var split = 1;
        for (var b = 0; b < backends.Count; b++)
        {
            var backend = backends[b];
            var nodes = ctx.Plan.Targets(backend.Service, backend.Subset);
            if (nodes.Count == 0)
            {
                ctx.UnsupportedOnce($"{path}[{b}]", $"No virtual node stands for '{backend.Service}': the backend is not written.");
                continue;
            }
            if (backend.Subset is null && HasSubsetNode(nodes))
            {
                // Even one subset: its node stands for the subset's pods only, not the whole service's.
                if (!implicitSplit) ctx.ApproximatedOnce($"{path}[{b}]", $"'{backend.Service}' has subsets, each its own virtual node: the backend's weight is split equally over {string.Join(", ", nodes.Select(n => n.Name))} (App Mesh weights nodes; Kubernetes spreads by pod count).");
                split = Lcm(split, nodes.Count);
            }
            resolved.Add((backend, nodes));
        }
        // Expanded weights keep every ratio exact: each backend's weight times the common split, shared by its nodes.
        var targets = new List<(PlannedNode Node, int? Port, long Weight)>(resolved.Count);
        foreach (var (backend, nodes) in resolved)
        {
            foreach (var node in nodes)
            {
                var port = backend.Port ?? routePort;
                var weight = (long)backend.Weight * split / nodes.Count;
                var existing = IndexOf(targets, node, port);
                if (existing >= 0) targets[existing] = targets[existing] with { Weight = targets[existing].Weight + weight };
                else targets.Add((node, port, weight));
            }
        }
        if (targets.Count == 0) return null;
        if (targets.Count > MaxTargets)
        {
            ctx.UnsupportedOnce(path, $"App Mesh routes to at most {MaxTargets} weighted targets: {targets.Count - MaxTargets} of the {targets.Count} ({string.Join(", ", targets.Skip(MaxTargets).Select(t => t.Node.Name))}) are not written.");
            targets = targets.Take(MaxTargets).ToList();
        }
        var expanded = new List<long>(targets.Count);
        foreach (var target in targets) expanded.Add(target.Weight);
        var weights = Normalise(expanded, split);
        var (scaled, rounded) = Weights.Scale(weights);
        if (rounded)
        {
            ctx.RoundedOnce(path, string.Create(CultureInfo.InvariantCulture, $"App Mesh weights are 0–100: {string.Join(":", weights)} is written as {string.Join(":", scaled)}."));
        }
        var written = new List<WeightedTarget>(targets.Count);
        for (var i = 0; i < targets.Count; i++)
        {
            var (node, port, _) = targets[i];
            written.Add(new WeightedTarget
            {
                VirtualNodeRef = new AppMeshReference { Name = node.Name, Namespace = node.Namespace == routerNamespace ? null : node.Namespace },
                Weight = scaled[i],
                Port = port,
            });
        }
        return new RouteAction { WeightedTargets = written };
    }

    private static bool HasSubsetNode(IReadOnlyList<PlannedNode> nodes)
    {
        foreach (var node in nodes)
        {
            if (node.Subset is not null) return true;
        }
        return false;
    }

    // Nodes are compared by reference: the plan holds one object per node.
    private static int IndexOf(List<(PlannedNode Node, int? Port, long Weight)> targets, PlannedNode node, int? port)
    {
        for (var i = 0; i < targets.Count; i++)
        {
            if (ReferenceEquals(targets[i].Node, node) && targets[i].Port == port) return i;
        }
        return -1;
    }

    /// <summary>
    /// Expanded weights as ints: back to the model's scale when the split divides them all (90 over two subsets is 45:45),
    /// reduced by their gcd and then scaled down proportionally only if still beyond int.
    /// </summary>
    private static List<int> Normalise(List<long> weights, int split)
    {
        if (split > 1 && weights.All(w => w % split == 0)) weights = [.. weights.Select(w => w / split)];
        var fits = true;
        foreach (var w in weights) fits &= w <= int.MaxValue;
        if (fits)
        {
            var ints = new List<int>(weights.Count);
            foreach (var w in weights) ints.Add((int)w);
            return ints;
        }
        var gcd = weights.Aggregate(0L, Gcd);
        if (gcd > 1) weights = [.. weights.Select(w => w / gcd)];
        var max = weights.Max();
        return max <= int.MaxValue ? [.. weights.Select(w => (int)w)] : [.. weights.Select(w => (int)(w * (double)int.MaxValue / max))];
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return a;
    }

    private static int Lcm(int a, int b) => (int)(a / Gcd(a, b) * b);

    // App Mesh → model.
    /// <summary>The backends of <paramref name="action"/>; null when the input is invalid.</summary>
    public static List<WeightedBackend>? ToModel(RouteAction? action, Func<AppMeshReference, NodeTarget?> resolve, string source, string path, ImportContext ctx)
    {
        var targets = action?.WeightedTargets;
        if (targets is not { Count: > 0 })
        {
            ctx.Invalid(source, path + ".weightedTargets", "A route action needs at least one weighted target.");
            return null;
        }
        var backends = new List<WeightedBackend>();
        for (var i = 0; i < targets.Count; i++)
        {
            var at = $"{path}.weightedTargets[{i}]";
            if (targets[i] is not { } target) continue;
            if (target.Weight is not { } weight || weight is < 0 or > Weights.Max)
            {
                ctx.Invalid(source, at + ".weight", string.Create(CultureInfo.InvariantCulture, $"A target's weight is a whole number from 0 to {Weights.Max}."));
                return null;
            }
            if (target.Port is { } port && port is < 1 or > 65535)
            {
                ctx.Invalid(source, at + ".port", "A target port is between 1 and 65535.");
                return null;
            }
            if (target.VirtualNodeRef is not { } reference)
            {
                if (target.VirtualNodeArn is not null) ctx.NotImported(source, at + ".virtualNodeARN", "A node named by ARN lives outside the input; the target was left out.");
                else ctx.Invalid(source, at, "A weighted target names a virtual node.");
                continue;
            }
            if (target.VirtualNodeArn is not null) ctx.NotImportedInfo(source, at + ".virtualNodeARN", "The ARN is the controller's; the reference is read.");
            if (string.IsNullOrEmpty(reference.Name))
            {
                ctx.Invalid(source, at + ".virtualNodeRef.name", "The reference names no virtual node.");
                return null;
            }
            if (resolve(reference) is not { } node)
            {
                ctx.NotImported(source, at + ".virtualNodeRef.name", $"Virtual node {reference.Name} is not in the input; the target was left out.");
                continue;
            }
            backends.Add(new WeightedBackend { Service = node.Service, Subset = node.Subset, Port = target.Port, Weight = weight });
        }
        return backends;
    }
}
