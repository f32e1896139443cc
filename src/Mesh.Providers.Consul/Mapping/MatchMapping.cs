using Mesh.Model;
using Mesh.Providers.Consul.Resources;
using Mesh.Providers.Consul.Translation;

namespace Mesh.Providers.Consul.Mapping;

/// <summary>
/// A model match → a ServiceRouter <c>match.http</c>: path exact/prefix/regex, headers exact/prefix/regex/present (absent is
/// present inverted), query parameters exact/regex/present (a prefix becomes an anchored RE2 regex), the method. All criteria
/// are ANDed as in the model.
/// </summary>
internal static class MatchMapping
{
    /// <summary>The methods the consul-k8s webhook accepts.</summary>
    public static IReadOnlySet<string> Methods { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "CONNECT", "OPTIONS", "TRACE",
    };

    /// <summary>The RE2 regex of the empty value (Envoy matches the whole value).</summary>
    public const string EmptyValue = "^$";

    /// <summary>The match, or null when it cannot be written (reported): a route with a wrong criterion would catch other traffic.</summary>
    public static ServiceRouteHttpMatch? ToConsul(HttpMatch match, string path, ConsulExportContext ctx)
    {
        var http = new ServiceRouteHttpMatch();
        switch (match.Path)
        {
            case { Kind: PathMatchKind.Exact } p: http.PathExact = p.Value; break;
            case { Kind: PathMatchKind.Prefix } p: http.PathPrefix = p.Value; break;
            case { Kind: PathMatchKind.Regex } p: http.PathRegex = p.Value; break;
        }
        for (var i = 0; i < match.Headers.Count; i++)
        {
            var h = match.Headers[i];
            http.Header ??= [];
            // Consul drops empty strings (omitempty), and a criterion without a value is rejected: an empty value is the
            // regex of the empty string, an empty prefix is presence.
            var empty = string.IsNullOrEmpty(h.Value);
            http.Header.Add(h.Kind switch
            {
                ValueMatchKind.Exact or ValueMatchKind.Regex when empty => new ServiceRouteHttpMatchHeader { Name = h.Name, Regex = EmptyValue },
                ValueMatchKind.Prefix when empty => new ServiceRouteHttpMatchHeader { Name = h.Name, Present = true },
                ValueMatchKind.Exact => new ServiceRouteHttpMatchHeader { Name = h.Name, Exact = h.Value },
                ValueMatchKind.Prefix => new ServiceRouteHttpMatchHeader { Name = h.Name, Prefix = h.Value },
                ValueMatchKind.Regex => new ServiceRouteHttpMatchHeader { Name = h.Name, Regex = h.Value },
                ValueMatchKind.Present => new ServiceRouteHttpMatchHeader { Name = h.Name, Present = true },
                _ => new ServiceRouteHttpMatchHeader { Name = h.Name, Present = true, Invert = true },
            });
        }
        for (var i = 0; i < match.QueryParams.Count; i++)
        {
            var q = match.QueryParams[i];
            http.QueryParam ??= [];
            var emptyValue = string.IsNullOrEmpty(q.Value);
            switch (q.Kind)
            {
                case ValueMatchKind.Exact or ValueMatchKind.Regex when emptyValue: http.QueryParam.Add(new ServiceRouteHttpMatchQueryParam { Name = q.Name, Regex = EmptyValue }); break;
                case ValueMatchKind.Prefix when emptyValue: http.QueryParam.Add(new ServiceRouteHttpMatchQueryParam { Name = q.Name, Present = true }); break;
                case ValueMatchKind.Exact: http.QueryParam.Add(new ServiceRouteHttpMatchQueryParam { Name = q.Name, Exact = q.Value }); break;
                case ValueMatchKind.Regex: http.QueryParam.Add(new ServiceRouteHttpMatchQueryParam { Name = q.Name, Regex = q.Value }); break;
                case ValueMatchKind.Present: http.QueryParam.Add(new ServiceRouteHttpMatchQueryParam { Name = q.Name, Present = true }); break;
                case ValueMatchKind.Prefix:
                    // Envoy's safe_regex matches the whole value: an escaped prefix followed by anything is the prefix match.
                    http.QueryParam.Add(new ServiceRouteHttpMatchQueryParam { Name = q.Name, Regex = Re2.Escape(q.Value ?? string.Empty) + ".*" });
                    ctx.NoteOnce($"{path}.queryParams[{i}]", "Consul matches query parameters by exact value, regex or presence: the prefix is written as the regex '<prefix>.*'.");
                    break;
                default:
                    ctx.UnsupportedOnce($"{path}.queryParams[{i}]", "Consul cannot match an absent query parameter (queryParam has no invert): the match is not written.");
                    return null;
            }
        }
        if (match.Method is { } method)
        {
            if (!Methods.Contains(method))
            {
                ctx.UnsupportedOnce($"{path}.method", ctx.Message("Consul matches only the nine standard HTTP methods; '{0}' cannot be matched: the match is not written.", method));
                return null;
            }
            http.Methods = [method];
        }
        return http;
    }
}
