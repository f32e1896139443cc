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
