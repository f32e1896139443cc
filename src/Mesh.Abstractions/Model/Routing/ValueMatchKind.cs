namespace Mesh.Model;

/// <summary>How a header or query parameter is compared.</summary>
public enum ValueMatchKind
{
    /// <summary>Equal to the value.</summary>
    Exact,

    /// <summary>Starts with the value.</summary>
    Prefix,

    /// <summary>Fully matched by the RE2 expression in the value.</summary>
    Regex,

    /// <summary>Present with any value.</summary>
    Present,

    /// <summary>Not present.</summary>
    Absent,
}
