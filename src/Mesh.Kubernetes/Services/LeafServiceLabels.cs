using Mesh.Collections;

namespace Mesh.Kubernetes;

/// <summary>
/// The labels and annotation a leaf Service carries, naming the service and subset it stands for, so that an importer folds
/// it back into a subset (and <c>kubectl get svc -l mesh-sdk.io/parent-service=reviews</c> lists them).
/// </summary>
public static class LeafServiceLabels
{
    /// <summary>The label naming the parent service: <c>mesh-sdk.io/parent-service</c>.</summary>
    public const string Parent = "mesh-sdk.io/parent-service";

    /// <summary>The label naming the subset: <c>mesh-sdk.io/subset</c>.</summary>
    public const string Subset = "mesh-sdk.io/subset";

    /// <summary>The annotation an importer reads: <c>mesh-sdk.io/subset-of: &lt;service&gt;/&lt;subset&gt;</c> (same namespace).</summary>
    public const string SubsetOf = "mesh-sdk.io/subset-of";

    /// <summary>
    /// The annotation naming the parent's selector, <c>mesh-sdk.io/parent-selector: app=reviews,tier=web</c>, so that a leaf
    /// folds back exactly even when its parent's own Service is not in the input.
    /// </summary>
    public const string ParentSelector = "mesh-sdk.io/parent-selector";

    /// <summary>Formats a selector for <see cref="ParentSelector"/> (label keys and values cannot hold ',' or '=').</summary>
    /// <param name="selector">The selector.</param>
    /// <returns>The annotation value.</returns>
    public static string FormatSelector(EquatableMap<string> selector)
    {
        var length = Math.Max(0, selector.Count * 2 - 1);
        foreach (var (key, value) in selector) length += key.Length + value.Length;
        return string.Create(length, selector, static (span, labels) =>
        {
            var at = 0;
            foreach (var (key, value) in labels)
            {
                if (at > 0) span[at++] = ',';
                key.CopyTo(span[at..]);
                at += key.Length;
                span[at++] = '=';
                value.CopyTo(span[at..]);
                at += value.Length;
            }
        });
    }

    /// <summary>Parses a <see cref="ParentSelector"/> value.</summary>
    /// <param name="value">The annotation value.</param>
    /// <param name="selector">The selector.</param>
    /// <returns>Whether the value is a non-empty list of valid <c>key=value</c> labels.</returns>
    public static bool TryParseSelector(string? value, out EquatableMap<string> selector)
    {
        selector = default;
        if (string.IsNullOrEmpty(value)) return false;
        var labels = new List<KeyValuePair<string, string>>();
        foreach (var part in value.Split(','))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0 || !Validation.KubernetesNames.IsLabelKey(part[..eq]) || !Validation.KubernetesNames.IsLabelValue(part[(eq + 1)..])) return false;
            labels.Add(new(part[..eq], part[(eq + 1)..]));
        }
        selector = new EquatableMap<string>(labels);
        return true;
    }

    /// <summary>Parses a <see cref="SubsetOf"/> value.</summary>
    /// <param name="value">The annotation value.</param>
    /// <param name="parent">The parent service name.</param>
    /// <param name="subset">The subset name.</param>
    /// <returns>Whether the value has the form <c>&lt;service&gt;/&lt;subset&gt;</c> of two DNS labels.</returns>
    public static bool TryParse(string? value, out string parent, out string subset)
    {
        parent = subset = string.Empty;
        var slash = value?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (slash < 0) return false;
        parent = value![..slash];
        subset = value[(slash + 1)..];
        return Validation.DnsNames.IsDnsLabel(parent) && Validation.DnsNames.IsDnsLabel(subset);
    }
}
