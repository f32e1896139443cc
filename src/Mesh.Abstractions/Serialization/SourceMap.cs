using Mesh.Diagnostics;

namespace Mesh.Serialization;

/// <summary>
/// Maps JSON paths in wire names (<c>$.spec.routes[0].rules[1].backends[0].weight</c>) to the position of
/// that node in the text it was read from.
/// </summary>
public sealed class SourceMap
{
    private readonly Dictionary<string, SourceLocation> _locations;

    internal SourceMap(Dictionary<string, SourceLocation> locations) => _locations = locations;

    /// <summary>A map that knows no location.</summary>
    public static SourceMap Empty { get; } = new(new Dictionary<string, SourceLocation>(StringComparer.Ordinal));

    /// <summary>The number of paths mapped.</summary>
    public int Count => _locations.Count;

    /// <summary>Looks up the location of the node at exactly <paramref name="path"/>.</summary>
    /// <param name="path">A JSON path such as <c>$.spec.services[0].name</c>.</param>
    /// <param name="location">The location when the path is mapped.</param>
    /// <returns>Whether the path is mapped.</returns>
    public bool TryGetLocation(string path, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SourceLocation? location)
    {
        ArgumentNullException.ThrowIfNull(path);
        return _locations.TryGetValue(path, out location);
    }

    /// <summary>
    /// Returns <paramref name="diagnostic"/> with its location set from the longest prefix of its path that is mapped
    /// (a diagnostic about a value the document left out points at the object that should hold it).
    /// A diagnostic that already has a location, or whose path shares no mapped prefix, is returned unchanged.
    /// </summary>
    /// <param name="diagnostic">The diagnostic to locate, typically from validation.</param>
    /// <returns>The located diagnostic.</returns>
    public Diagnostic Locate(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        if (diagnostic.Location is not null || string.IsNullOrEmpty(diagnostic.Path)) return diagnostic;
        var path = diagnostic.Path;
        while (path.Length > 0)
        {
            if (_locations.TryGetValue(path, out var location)) return diagnostic with { Location = location };
            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            if (cut <= 0) break;
            path = path[..cut];
        }
        return diagnostic;
    }
}
