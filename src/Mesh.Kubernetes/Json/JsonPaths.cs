namespace Mesh.Kubernetes;

/// <summary>JSON-path segments in the form diagnostics use.</summary>
public static class JsonPaths
{
    /// <summary>A JSON-path segment for a property: <c>.name</c>, or <c>['x-user']</c> when the name is not an identifier.</summary>
    public static string Segment(string name)
    {
        if (name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')) return "." + name;
        return "['" + name.Replace("'", "\\'", StringComparison.Ordinal) + "']";
    }
}
