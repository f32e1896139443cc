using Mesh.Model;

namespace Mesh.Builders;

/// <summary>Builds one <see cref="HttpMatch"/>; every condition set must hold.</summary>
public sealed class HttpMatchBuilder
{
    private readonly List<ValueMatch> _headers = [];
    private readonly List<ValueMatch> _query = [];
    private PathMatch? _path;
    private string? _method;

    internal HttpMatchBuilder()
    {
    }

    /// <summary>Matches an exact path.</summary>
    /// <param name="path">The path.</param>
    public HttpMatchBuilder PathExact(string path) => Path(PathMatch.Exact(path));

    /// <summary>Matches a path prefix.</summary>
    /// <param name="prefix">The prefix.</param>
    public HttpMatchBuilder PathPrefix(string prefix) => Path(PathMatch.Prefix(prefix));

    /// <summary>Matches the whole path with an RE2 expression.</summary>
    /// <param name="pattern">The expression.</param>
    public HttpMatchBuilder PathRegex(string pattern) => Path(PathMatch.Regex(pattern));

    /// <summary>Adds a header condition, e.g. <c>ValueMatch.Exact("end-user", "jason")</c>.</summary>
    /// <param name="match">The condition.</param>
    public HttpMatchBuilder Header(ValueMatch match)
    {
        _headers.Add(match);
        return this;
    }

    /// <summary>Adds a query parameter condition.</summary>
    /// <param name="match">The condition.</param>
    public HttpMatchBuilder QueryParam(ValueMatch match)
    {
        _query.Add(match);
        return this;
    }

    /// <summary>Matches an HTTP method.</summary>
    /// <param name="method">The method, e.g. <c>GET</c>.</param>
    public HttpMatchBuilder Method(string method)
    {
        _method = method;
        return this;
    }

    private HttpMatchBuilder Path(PathMatch path)
    {
        _path = path;
        return this;
    }

    internal HttpMatch Build() => new() { Path = _path, Headers = [.. _headers], QueryParams = [.. _query], Method = _method };
}
