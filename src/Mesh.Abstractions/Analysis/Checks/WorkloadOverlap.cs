namespace Mesh.Analysis.Checks;

/// <summary>
/// Whether two label selections can hold the same pod: same namespace and no label both require with different values.
/// Pods may carry any labels, so selections that do not contradict each other may overlap (<c>{app: a}</c> and
/// <c>{app: a, version: v1}</c> do: every v1 pod is in both).
/// </summary>
internal static class WorkloadOverlap
{
    public static bool CanOverlap(Workload a, Workload b)
    {
        if (!string.Equals(a.Namespace, b.Namespace, StringComparison.Ordinal)) return false;
        foreach (var (key, value) in a.Labels)
        {
            if (b.Labels.TryGetValue(key, out var other) && !string.Equals(value, other, StringComparison.Ordinal)) return false;
        }
        return true;
    }

    /// <summary>A workload as people read it: <c>shop{app=reviews,version=v1}</c>.</summary>
    public static string Describe(Workload w) => w.ToString();
}
