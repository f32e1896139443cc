using Mesh.Model;

namespace Mesh.Builders;

/// <summary>Builds one <see cref="HttpMatch"/>; every condition set must hold.</summary>
public sealed class HttpMatchBuilder
{
    private readonly List<ValueMatch> _headers = [];
    private readonly List<ValueMatch> _query = [];
    private PathMatch? _path;
    private string? _method;
    private readonly Dictionary<string, string> _sourceLabels = new(StringComparer.Ordinal);
    private string? _sourceNamespace;
    private int? _port;

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

    /// <summary>Matches only callers whose workload carries this label (every label added must be present).</summary>
    /// <param name="key">The label key.</param>
    /// <param name="value">The label value.</param>
    public HttpMatchBuilder SourceLabel(string key, string value)
    {
        _sourceLabels[key] = value;
        return this;
    }

    /// <summary>Matches only callers running in a namespace.</summary>
    /// <param name="ns">The caller's namespace.</param>
    public HttpMatchBuilder SourceNamespace(string ns)
    {
        _sourceNamespace = ns;
        return this;
    }

    /// <summary>Matches only requests sent to one port of the route's host.</summary>
    /// <param name="port">The destination port.</param>
    public HttpMatchBuilder Port(int port)
    {
        _port = port;
        return this;
    }

    private HttpMatchBuilder Path(PathMatch path)
    {
        _path = path;
        return this;
    }

    internal HttpMatch Build() => new()
    {
        Path = _path,
        Headers = [.. _headers],
        QueryParams = [.. _query],
        Method = _method,
        SourceLabels = new(_sourceLabels),
        SourceNamespace = _sourceNamespace,
        Port = _port,
    };
}
