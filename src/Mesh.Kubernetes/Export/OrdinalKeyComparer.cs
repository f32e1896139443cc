namespace Mesh.Kubernetes;

/// <summary>
/// Orders <c>(namespace, name)</c> keys (optionally led by an integer rank) by ordinal string comparison. Tuples compare
/// their strings with the current culture by default: output order would then depend on the machine's culture, and a
/// linguistic compare costs several times an ordinal one.
/// </summary>
public sealed class OrdinalKeyComparer : IComparer<(string, string)>, IComparer<(int, string, string)>
{
    /// <summary>The one instance.</summary>
    public static readonly OrdinalKeyComparer Instance = new();

    private OrdinalKeyComparer()
    {
    }

    /// <inheritdoc />
    public int Compare((string, string) x, (string, string) y)
    {
        var c = string.CompareOrdinal(x.Item1, y.Item1);
        return c != 0 ? c : string.CompareOrdinal(x.Item2, y.Item2);
    }

    /// <inheritdoc />
    public int Compare((int, string, string) x, (int, string, string) y)
    {
        var c = x.Item1.CompareTo(y.Item1);
        return c != 0 ? c : Compare((x.Item2, x.Item3), (y.Item2, y.Item3));
    }
}
