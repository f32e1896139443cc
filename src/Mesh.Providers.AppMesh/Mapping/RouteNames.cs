using System.Globalization;
using System.Text.RegularExpressions;

namespace Mesh.Providers.AppMesh.Mapping;

/// <summary>
/// The names of App Mesh routes inside a virtual router. A model rule is written as one route per match (App Mesh matches one
/// condition set per route) and per router port: <c>&lt;route&gt;-r&lt;rule&gt;</c>, then <c>-m&lt;match&gt;</c> when the rule has
/// several matches, then <c>-p&lt;port&gt;</c> when the router has several listeners. Reading the suffixes back regroups the
/// routes into the model's rules; a name without them (a hand-written router) is one rule of a route named after the router.
/// </summary>
internal static partial class RouteNames
{
    /// <summary>The name of the route written for a rule.</summary>
    public static string Of(string route, int rule, int? match, int? port) =>
        string.Create(CultureInfo.InvariantCulture, $"{route}-r{rule}{(match is { } m ? $"-m{m}" : "")}{(port is { } p ? $"-p{p}" : "")}");

    /// <summary>The name of the route written for a TCP route.</summary>
    public static string OfTcp(string route, int? port) =>
        string.Create(CultureInfo.InvariantCulture, $"{route}-tcp{(port is { } p ? $"-p{p}" : "")}");

    /// <summary>Parses a route name written by <see cref="Of"/>.</summary>
    public static bool TryParse(string? name, out string route, out int rule, out int match)
    {
        route = string.Empty;
        rule = match = 0;
        if (name is null) return false;
        var m = RulePattern().Match(name);
        if (!m.Success) return false;
        route = m.Groups["route"].Value;
        rule = int.Parse(m.Groups["rule"].Value, CultureInfo.InvariantCulture);
        match = m.Groups["match"].Success ? int.Parse(m.Groups["match"].Value, CultureInfo.InvariantCulture) : 0;
        return true;
    }

    /// <summary>Parses a TCP route name written by <see cref="OfTcp"/>.</summary>
    public static bool TryParseTcp(string? name, out string route)
    {
        route = string.Empty;
        if (name is null) return false;
        var m = TcpPattern().Match(name);
        if (!m.Success) return false;
        route = m.Groups["route"].Value;
        return true;
    }

    [GeneratedRegex(@"^(?<route>.+)-r(?<rule>[0-9]{1,6})(-m(?<match>[0-9]{1,6}))?(-p(?<port>[0-9]{1,5}))?$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex RulePattern();

    [GeneratedRegex(@"^(?<route>.+)-tcp(-p(?<port>[0-9]{1,5}))?$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex TcpPattern();
}
