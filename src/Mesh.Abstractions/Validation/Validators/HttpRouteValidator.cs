using Mesh.Diagnostics;
using Mesh.Model;

namespace Mesh.Validation.Validators;

/// <summary>
/// Validates an <see cref="HttpRoute"/>: names, the host it routes, match ports the host declares, and rules that can
/// never match.
/// </summary>
internal sealed class HttpRouteValidator : ModelValidator<HttpRoute>
{
    public static readonly HttpRouteValidator Instance = new();

    private HttpRouteValidator() => Each(x => x.Rules, HttpRouteRuleValidator.Instance);

    protected override void Check(HttpRoute item, Reporter report)
    {
        report.DnsLabel(nameof(HttpRoute.Name), item.Name, "The route name");
        report.DnsLabel(nameof(HttpRoute.Namespace), item.Namespace, "The route namespace");
        report.Reference("", item.Host, null, null, "route host", nameof(HttpRoute.Host));
        report.NoNullItems(nameof(HttpRoute.Rules), item.Rules, "A rule");
        MatchPorts(item, report);
        Unreachable(item.Rules, report);
        UnnamedPorts(item, report);
    }

    /// <summary>
    /// A backend or mirror without a port is called on the port the request came in on, else on its only port: a service
    /// with several ports that lacks one of the host's HTTP ports leaves that call nowhere to go (Istio rejects such a
    /// destination; the xDS encoder has no cluster to pick). A warning, not an error: meshes whose backends carry no port
    /// (SMI, Linkerd) express exactly this, and calls on the host's other ports still work.
    /// </summary>
    private static void UnnamedPorts(HttpRoute route, Reporter report)
    {
        if (ValidationIndex.Of(report.Context) is not { } index || route.Host.Name is null) return;
        var hostPorts = index.HttpPorts(route.Host);
        for (var i = 0; i < route.Rules.Count; i++)
        {
            var rule = route.Rules[i];
            if (rule is null) continue;
            for (var j = 0; j < rule.Backends.Count; j++)
            {
                if (rule.Backends[j] is { Port: null } b) Check(b.Service, $"Rules[{i}].Backends[{j}].Port", "backend");
            }
            if (rule.Mirror is { Port: null } m) Check(m.Service, $"Rules[{i}].Mirror.Port", "mirror");
        }

        void Check(ServiceRef target, string property, string what)
        {
            if (target.Name is null || target == route.Host || index.PortCount(target) < 2) return;
            var missing = hostPorts.FirstOrDefault(p => !index.HasPort(target, p));
            if (missing == 0) return;
            report.Warning(property, DiagnosticCodes.DanglingPort,
                $"The {what} '{target}' names no port: a request to port {missing} of '{route.Host}' would go to port {missing}, which '{target}' does not declare, and it has several ports, so such requests fail (Istio rejects the destination, the xDS encoder has no cluster for it); name the port.");
        }
    }

    /// <summary>A match's port must be one the route's host declares (when the host is known).</summary>
    private static void MatchPorts(HttpRoute route, Reporter report)
    {
        var index = ValidationIndex.Of(report.Context);
        if (index is null || route.Host.Name is null || route.Host.Namespace is null || !index.HasService(route.Host)) return;
        for (var i = 0; i < route.Rules.Count; i++)
        {
            if (route.Rules[i] is not { } rule) continue;
            for (var j = 0; j < rule.Matches.Count; j++)
            {
                if (rule.Matches[j]?.Port is { } p and >= 1 and <= 65535 && !index.HasPort(route.Host, p))
                {
                    report.Error($"Rules[{i}].Matches[{j}].Port", DiagnosticCodes.DanglingPort, $"The match names port {p}, which the route's host '{route.Host}' does not declare.");
                }
            }
        }
    }

    /// <summary>A rule after a catch-all rule, or with the same match set as an earlier rule, never matches.</summary>
    internal static void Unreachable(Mesh.Collections.EquatableArray<HttpRouteRule> rules, Reporter report)
    {
        var seen = new List<HashSet<HttpMatch>>();
        var catchAll = -1;
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            if (rule is null) continue;
            var matches = new HashSet<HttpMatch>(rule.Matches.Where(m => m is not null));
            if (catchAll >= 0)
            {
                report.Warning($"Rules[{i}]", DiagnosticCodes.ConflictingRoutes, $"This rule is unreachable: rule {catchAll} before it matches every request.");
            }
            else
            {
                var earlier = seen.FindIndex(s => s.SetEquals(matches));
                if (earlier >= 0)
                {
                    report.Warning($"Rules[{i}].Matches", DiagnosticCodes.ConflictingRoutes, $"This rule is unreachable: rule {earlier} has the same matches.");
                }
            }
            seen.Add(matches);
            if (catchAll < 0 && (matches.Count == 0 || matches.Any(IsCatchAll))) catchAll = i;
        }
    }

    private static bool IsCatchAll(HttpMatch m) =>
        m.Path is null && m.Headers.IsEmpty && m.QueryParams.IsEmpty && m.Method is null
        && m.SourceLabels.IsEmpty && m.SourceNamespace is null && m.Port is null;
}
