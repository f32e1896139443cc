using System.Text;
using Mesh.Collections;
using Mesh.Model;
using Mesh.Validation;

namespace Mesh.Providers.Istio.Mapping;

/// <summary>
/// A policy target (a service, or a subset of it) ↔ the workload selector of an Istio policy: written as the target's
/// workload labels (<see cref="MeshService.WorkloadLabels"/>: the service's selector ∪ the subset's labels), read back by
/// <see cref="Resolve(EquatableMap{string}, string, IEnumerable{MeshService})"/>. Both directions use the same resolution, so the export can tell when a selector reads back as
/// another target (the workloads are the same; only which service or subset they are attributed to differs).
/// </summary>
internal static class WorkloadSelectorMapping
{
    /// <summary>What a selector reads as: the whole <paramref name="Service"/>, its existing <paramref name="Subset"/>, or a new subset of it with <paramref name="NewSubsetLabels"/>.</summary>
    internal readonly record struct Selection(MeshService Service, string? Subset, EquatableMap<string> NewSubsetLabels)
    {
        public bool IsNewSubset => !NewSubsetLabels.IsEmpty;

        public override string ToString() =>
            IsNewSubset ? $"a new subset {NewSubsetLabels} of '{Service.Reference}'"
            : Subset is null ? $"the whole service '{Service.Reference}'"
            : $"subset '{Subset}' of '{Service.Reference}'";
    }

    /// <summary>
    /// The target of a selector with <paramref name="labels"/> in namespace <paramref name="ns"/>, among <paramref name="services"/>,
    /// by precedence: a service whose selector is exactly the labels (the whole service); else a subset whose workload labels are
    /// exactly the labels (of the service with the most specific selector contained in them, then any); else the service with the
    /// most specific selector contained in the labels, the other labels being a new subset of it. Ties go to the first service by
    /// name (and subset by name). Null when no service's selector is contained in the labels.
    /// </summary>
    public static Selection? Resolve(EquatableMap<string> labels, string ns, IEnumerable<MeshService> services)
    {
        var candidates = services.Where(s => s.Namespace == ns).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        foreach (var service in candidates)
        {
            if (service.EffectiveSelector == labels) return new Selection(service, null, default);
        }
        Selection? exact = null;
        var exactRank = int.MinValue;
        foreach (var service in candidates)
        {
            foreach (var subset in service.Subsets.OrderBy(s => s.Name, StringComparer.Ordinal))
            {
                if (service.WorkloadLabels(subset.Name) != labels) continue;
                // A subset of a service whose selector the labels contain before one that overrides the selector.
                var rank = Contains(labels, service.EffectiveSelector) ? service.EffectiveSelector.Count : -1;
                if (rank > exactRank)
                {
                    exact = new Selection(service, subset.Name, default);
                    exactRank = rank;
                }
            }
        }
        if (exact is not null) return exact;
        MeshService? container = null;
        foreach (var service in candidates)
        {
            if (Contains(labels, service.EffectiveSelector) && (container is null || service.EffectiveSelector.Count > container.EffectiveSelector.Count)) container = service;
        }
        return container is null ? null : new Selection(container, null, Rest(labels, container.EffectiveSelector));
    }

    /// <summary>
    /// The services that can answer <see cref="Resolve(EquatableMap{string}, string, IEnumerable{MeshService})"/> for a label set, indexed once per translation by each label of their
    /// selector and of their subsets' workloads: a service whose selector (or subset's workloads) the labels contain shares at
    /// least one label with them, so <see cref="Resolve(EquatableMap{string}, string, Index)"/> looks at those services only
    /// instead of every service of the namespace for every policy.
    /// </summary>
    public sealed class Index
    {
        private readonly Dictionary<(string Namespace, string Key, string Value), List<MeshService>> _byLabel = [];

        /// <summary>Indexes <paramref name="services"/>.</summary>
        public Index(IEnumerable<MeshService> services)
        {
            // A subset's workload labels are the selector's and the subset's own (which may override a selector label): indexing
            // both is a superset of them, and Resolve checks every candidate, so an extra candidate costs a comparison, nothing more.
            var keys = new HashSet<(string, string, string)>();
            foreach (var service in services)
            {
                keys.Clear();
                foreach (var label in service.EffectiveSelector) keys.Add((service.Namespace, label.Key, label.Value));
                foreach (var subset in service.Subsets)
                {
                    foreach (var label in subset.Labels) keys.Add((service.Namespace, label.Key, label.Value));
                }
                foreach (var key in keys)
                {
                    if (!_byLabel.TryGetValue(key, out var list)) _byLabel[key] = list = [];
                    list.Add(service);
                }
            }
        }

        /// <summary>The services of <paramref name="ns"/> sharing a label with <paramref name="labels"/>.</summary>
        public List<MeshService> Candidates(EquatableMap<string> labels, string ns)
        {
            var result = new List<MeshService>();
            var seen = new HashSet<MeshService>(ReferenceEqualityComparer.Instance);
            foreach (var label in labels)
            {
                if (!_byLabel.TryGetValue((ns, label.Key, label.Value), out var list)) continue;
                foreach (var service in list)
                {
                    if (seen.Add(service)) result.Add(service);
                }
            }
            return result;
        }
    }

    /// <summary><see cref="Resolve(EquatableMap{string}, string, IEnumerable{MeshService})"/> over the candidates of an <see cref="Index"/>.</summary>
    public static Selection? Resolve(EquatableMap<string> labels, string ns, Index index) => Resolve(labels, ns, index.Candidates(labels, ns));

    /// <summary>Whether every entry of <paramref name="part"/> is in <paramref name="labels"/>.</summary>
    public static bool Contains(EquatableMap<string> labels, EquatableMap<string> part) =>
        part.All(e => labels.TryGetValue(e.Key, out var v) && v == e.Value);

    /// <summary>The labels that <paramref name="selector"/> does not already say.</summary>
    public static EquatableMap<string> Rest(EquatableMap<string> labels, EquatableMap<string> selector) =>
        labels.Where(e => !(selector.TryGetValue(e.Key, out var v) && v == e.Value)).ToEquatableMap();

    /// <summary>
    /// A name for a new subset of <paramref name="service"/> with <paramref name="labels"/>: the label values in key order joined by
    /// '-' (<c>{ version: v2 }</c> → <c>v2</c>), made a DNS label; a name the service already uses gets a hash suffix.
    /// </summary>
    public static string SubsetName(EquatableMap<string> labels, MeshService service)
    {
        var builder = new StringBuilder();
        foreach (var value in labels.Values)
        {
            if (builder.Length > 0) builder.Append('-');
            foreach (var c in value.ToLowerInvariant()) builder.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }
        var name = Collapse(builder.ToString());
        if (name.Length > DnsNames.MaxLabelLength) name = name[..DnsNames.MaxLabelLength].TrimEnd('-');
        if (!DnsNames.IsDnsLabel(name)) name = "subset";
        if (service.FindSubset(name) is null) return name;
        var suffix = "-" + MtlsMapping.Hash(labels.ToString());
        return name[..Math.Min(name.Length, DnsNames.MaxLabelLength - suffix.Length)].TrimEnd('-') + suffix;
    }

    private static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c == '-' && (builder.Length == 0 || builder[^1] == '-')) continue;
            builder.Append(c);
        }
        return builder.ToString().TrimEnd('-');
    }
}
