namespace Mesh.Model;

/// <summary>How a path is compared.</summary>
public enum PathMatchKind
{
    /// <summary>The whole path equals the value.</summary>
    Exact,

    /// <summary>The path starts with the value.</summary>
    Prefix,

    /// <summary>The value is an RE2 expression that must match the whole path.</summary>
    Regex,
}
