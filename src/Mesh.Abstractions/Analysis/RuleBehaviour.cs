using System.Globalization;
using Mesh.Collections;
using Mesh.Model;

namespace Mesh.Analysis;

/// <summary>
/// What one rule does: which traffic it matches and where that traffic goes. For an HTTP route one of its rules; for a TCP
/// route the route itself. Built by <see cref="MeshBehaviour.Of(MeshConfig)"/>; rules of two models are paired by <see cref="Key"/>.
/// </summary>
public sealed record RuleBehaviour
{
    internal RuleBehaviour(
        RuleKind kind, ServiceRef host, int? port, EquatableArray<HttpMatch> matches, string matchText, int occurrence,
        RuleOutcome outcome, EquatableArray<WorkloadShare> destinations, EquatableArray<WorkloadShare> mirrors, Redirect? redirect, string path,
        GatewayRef? gateway = null, string? hostname = null)
    {
        Gateway = gateway;
        Hostname = hostname;
        Kind = kind;
        Host = host;
        Port = port;
        Matches = matches;
        MatchText = matchText;
        Occurrence = occurrence;
        Outcome = outcome;
        Destinations = destinations;
        Mirrors = mirrors;
        Redirect = redirect;
        Path = path;
        var at = port is { } p ? ":" + p.ToString(CultureInfo.InvariantCulture) : kind == RuleKind.Tcp ? ":*" : "";
        var n = occurrence.ToString(CultureInfo.InvariantCulture);
        Key = kind switch
        {
            RuleKind.Http => $"http {host}{at} [{matchText}] #{n}",
            RuleKind.Tcp => $"tcp {host}{at} [{matchText}] #{n}",
            RuleKind.Gateway => $"gateway {gateway} {hostname} [{matchText}] #{n}",
            RuleKind.GatewayTls => $"gateway-tls {gateway} {hostname} #{n}",
            _ => $"gateway-tcp {gateway} #{n}",
        };
    }

    /// <summary>The gateway (and listener, when the route binds to one) whose traffic a gateway rule applies to.</summary>
    /// <value>Null for the rules of mesh routes.</value>
    public GatewayRef? Gateway { get; }

    /// <summary>
    /// The host name (for a TLS route, the server name) a gateway rule applies to, lower case; <c>*</c> for a route of every
    /// host name. A route of several host names is one rule per name, so a provider that splits or merges routes by host
    /// name keeps their behaviour.
    /// </summary>
    /// <value>Null for the rules of mesh routes and of gateway TCP routes.</value>
    public string? Hostname { get; }

    /// <summary>Whether the rule is one of an HTTP route or a TCP route.</summary>
    public RuleKind Kind { get; }

    /// <summary>The route's host: the service whose callers the rule applies to; for a gateway rule, the gateway (its name and namespace).</summary>
    public ServiceRef Host { get; }

    /// <summary>The port of a TCP route.</summary>
    /// <value>Null for HTTP rules, and for a TCP route on every port of its host.</value>
    public int? Port { get; }

    /// <summary>
    /// The canonical matches: as in <see cref="MeshConfig.Normalize"/> (alternatives and their conditions de-duplicated and
    /// sorted, methods upper case), with header names lower case and a path prefix <c>/</c> dropped (it holds for every path).
    /// </summary>
    /// <value>Empty matches every request; always empty for TCP routes.</value>
    public EquatableArray<HttpMatch> Matches { get; }

    /// <summary>
    /// The canonical text of <see cref="Matches"/>: conditions separated by <c>, </c> (<c>path prefix /api, method GET,
    /// header end-user exact jason, query q present</c>), alternatives by <c> | </c>, values JSON-quoted when they hold a
    /// separator or a space. Different matches have different texts.
    /// </summary>
    /// <value><c>*</c> for a rule that matches everything.</value>
    public string MatchText { get; }

    /// <summary>
    /// How many rules before this one, on the same host (and port), have the same match text: 0 for the first. Keeps two rules
    /// of identical matches distinct (only the first can ever be taken, but a model may hold both).
    /// </summary>
    public int Occurrence { get; }

    /// <summary>What the rule does with the traffic it matches.</summary>
    public RuleOutcome Outcome { get; }

    /// <summary>
    /// Where the traffic goes: backends resolved to workload and port, backends that resolve alike added up, as exact shares of
    /// the rule's traffic; sorted by workload text and then port; zero shares left out.
    /// </summary>
    /// <value>Empty unless <see cref="Outcome"/> is <see cref="RuleOutcome.Forward"/>.</value>
    public EquatableArray<WorkloadShare> Destinations { get; }

    /// <summary>Where a copy of the traffic goes: the mirror's workload and port, with its percentage as the share.</summary>
    /// <value>Empty when the rule mirrors nothing (no mirror, percentage 0, or a redirect).</value>
    public EquatableArray<WorkloadShare> Mirrors { get; }

    /// <summary>The redirect answered, with its scheme and host in lower case.</summary>
    /// <value>Null unless <see cref="Outcome"/> is <see cref="RuleOutcome.Redirect"/>.</value>
    public Redirect? Redirect { get; }

    /// <summary>
    /// Where the rule is in the model it was computed from: a JSON path in wire names, <c>$.spec.routes[1].rules[0]</c> or
    /// <c>$.spec.tcpRoutes[0]</c>, indexing that model as given (not its normal form).
    /// </summary>
    public string Path { get; }

    /// <summary>
    /// The identity that pairs rules across models: kind, host, TCP port, <see cref="MatchText"/> and <see cref="Occurrence"/>,
    /// e.g. <c>http reviews.bookinfo [path prefix /api] #0</c>, <c>tcp db.data:5432 [*] #0</c> (<c>:*</c>: every port); for
    /// gateway rules the gateway (and listener) and host name instead of the host, e.g. <c>gateway edge/public shop.example.com [*] #0</c>.
    /// Route names, namespaces and order, and the position of the rule among rules of other hosts, are not part of it.
    /// </summary>
    public string Key { get; }

    /// <summary>
    /// The rule as change messages name it: <c>reviews.bookinfo rule [path prefix /api]</c> (with <c>#1</c>, <c>#2</c>, …
    /// for a later rule of the same matches), <c>db.data tcp port 5432</c> or <c>db.data tcp (every port)</c>; at gateways
    /// <c>gateway edge/public shop.example.com rule [path prefix /api]</c>, <c>gateway edge/public tls db.example.com</c>,
    /// <c>gateway edge/public#tcp tcp</c>.
    /// </summary>
    public string Title => Kind switch
    {
        RuleKind.Tcp => $"{Host} tcp {(Port is { } p ? "port " + p.ToString(CultureInfo.InvariantCulture) : "(every port)")}",
        RuleKind.Gateway => $"gateway {Gateway} {Hostname} rule [{MatchText}]{Repeat}",
        RuleKind.GatewayTls => $"gateway {Gateway} tls {Hostname}{Repeat}",
        RuleKind.GatewayTcp => $"gateway {Gateway} tcp{Repeat}",
        _ => $"{Host} rule [{MatchText}]{Repeat}",
    };

    private string Repeat => Occurrence > 0 ? " #" + Occurrence.ToString(CultureInfo.InvariantCulture) : "";

    /// <summary>
    /// What the rule does, in words: its destinations (<c>bookinfo{app=reviews,version=v1} 80%, …</c>), its redirect, or
    /// <c>no destination</c>; then its mirrors.
    /// </summary>
    public string Summary
    {
        get
        {
            var text = Outcome switch
            {
                RuleOutcome.Forward => string.Join(", ", Destinations),
                RuleOutcome.Redirect => Describe(Redirect),
                _ => "no destination",
            };
            return Mirrors.IsEmpty ? text : $"{text}; mirror {string.Join(", ", Mirrors)}";
        }
    }

    /// <summary>The rule, what it does and where it is: <c>reviews.bookinfo rule [*]: bookinfo{app=reviews} 100% ($.spec.routes[0].rules[0])</c>.</summary>
    public override string ToString() => $"{Title}: {Summary} ({Path})";

    /// <summary>A redirect in words, e.g. <c>redirect 301 (scheme https, host example.com)</c>.</summary>
    internal static string Describe(Redirect? redirect)
    {
        if (redirect is null) return "redirect";
        var parts = new List<string>();
        if (redirect.Scheme is { } scheme) parts.Add("scheme " + scheme);
        if (redirect.Host is { } host) parts.Add("host " + host);
        if (redirect.Port is { } port) parts.Add("port " + port.ToString(CultureInfo.InvariantCulture));
        if (redirect.Path is { } path) parts.Add("path " + CanonicalMatches.Quote(path));
        if (redirect.PathPrefix is { } prefix) parts.Add("path prefix " + CanonicalMatches.Quote(prefix));
        var code = "redirect " + redirect.StatusCode.ToString(CultureInfo.InvariantCulture);
        return parts.Count == 0 ? code : $"{code} ({string.Join(", ", parts)})";
    }
}
