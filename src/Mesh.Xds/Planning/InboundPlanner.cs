using System.Globalization;
using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Translation;
using Mesh.Xds.EnvoyApi;

namespace Mesh.Xds.Planning;

/// <summary>
/// Plans the inbound side of a sidecar whose own service is given: a local STATIC cluster per HTTP port, one
/// <c>virtualInbound</c> listener with a filter chain per port (terminating mTLS where the workload's mode is
/// strict), the <c>jwt_authn</c> filter of the request authentications that apply to the workload (<see cref="JwtPlanner"/>)
/// and RBAC policies from the access policies that apply to it.
/// </summary>
internal static class InboundPlanner
{
    public static (ClusterPlan[] Clusters, ListenerPlan? Listener) Inbound(PlanContext context)
    {
        var proxy = context.Proxy;
        var options = context.Options;
        if (proxy.Kind != XdsProxyKind.Sidecar || proxy.Service is not { } ownRef || context.FindService(ownRef) is not { } own) return ([], null);
        var ports = new List<InboundPortPlan>();
        var clusters = new List<ClusterPlan>();
        var checkedLimits = new HashSet<int>();
        foreach (var port in own.Ports.OrderBy(p => p.Port))
        {
            if (!PlanContext.IsHttp(port.Protocol)) continue;
            var name = ResourceNames.InboundCluster(port.Port);
            clusters.Add(new ClusterPlan(name, ownRef, port.Port, port.Protocol, null, [], options.DefaultConnectTimeout, LbPolicy.RoundRobin, null, null, null, Inbound: true));
            BackendPlan[] local = [new BackendPlan(name, 1, ownRef, null)];
            var (limit, limitSource) = RateLimit(context, own, port.Port);
            var routeList = new List<RoutePlan>();
            var status = limit?.Status ?? LocalRateLimit.DefaultStatus;
            if (limit is not null)
            {
                // A route limit is a route of its own before the default one, with its token bucket as per-route config.
                for (var r = 0; r < limit.Routes.Count; r++)
                {
                    var routeLimit = limit.Routes[r];
                    var match = new HttpMatch { Path = routeLimit.Path };
                    if (!checkedLimits.Contains(limitSource)) NackChecks.Match(context, match, $"$.spec.destinationPolicies[{limitSource}].rateLimit.routes[{r}]");
                    routeList.Add(new RoutePlan(ResourceNames.RateLimitRoute(r), match, null, local, null, null, null, default,
                        Bucket(routeLimit.Requests, routeLimit.Interval, routeLimit.Burst, status)));
                }
            }
            checkedLimits.Add(limitSource);
            routeList.Add(new RoutePlan(ResourceNames.DefaultRoute, null, null, local, null, null, null, default));
            var routes = new RouteConfigPlan(name, [new VirtualHostPlan(ResourceNames.InboundVirtualHost(port.Port), ownRef, port.Port, ["*"], [.. routeList])]);
            var (mode, source) = InboundMtls(context, own, port.Port);
            if (mode == MtlsMode.Permissive && source >= 0)
            {
                context.Warning(XdsDiagnosticCodes.NotEncoded, $"$.spec.mtls[{source}]", $"Permissive mTLS on inbound port {port.Port}: the inbound filter chain accepts plaintext only (no TLS-inspector chain for mTLS callers is emitted).");
            }
            var bucket = limit?.Requests is { } requests ? Bucket(requests, limit.Interval, limit.Burst, status) : null;
            ports.Add(new InboundPortPlan(port.Port, name, routes, mode == MtlsMode.Strict, limit is not null, bucket));
        }
        if (ports.Count == 0) return ([], null);
        var (jwt, jwksClusters) = JwtPlanner.Plan(context);
        clusters.AddRange(jwksClusters);
        string[] issuers = jwt?.Issuers ?? [];
        var deny = new List<RbacPolicyPlan>();
        var allow = new List<RbacPolicyPlan>();
        var audit = new List<RbacPolicyPlan>();
        bool hasDeny = false, hasAllow = false;
        var accessPolicies = context.Config.AccessPolicies;
        var order = Enumerable.Range(0, accessPolicies.Count)
            .OrderBy(i => accessPolicies[i].Namespace, StringComparer.Ordinal)
            .ThenBy(i => accessPolicies[i].Name, StringComparer.Ordinal);
        foreach (var i in order)
        {
            var policy = accessPolicies[i];
            if (!AppliesToProxy(context, policy)) continue;
            var target = policy.Action switch { AccessAction.Deny => deny, AccessAction.Audit => audit, _ => allow };
            if (policy.Action == AccessAction.Deny) hasDeny = true;
            else if (policy.Action == AccessAction.Allow) hasAllow = true;
            for (var r = 0; r < policy.Rules.Count; r++)
            {
                var fit = AccessRuleFit.Of(policy.Rules[r], policy.Action, AccessRbac.Writes);
                foreach (var (feature, part) in fit.Dropped)
                {
                    context.Warning(XdsDiagnosticCodes.NotEncoded, $"$.spec.accessPolicies[{i}].rules[{r}].{part}",
                        $"This part of the rule is not expressed in RBAC. {fit.Consequence(feature, policy.Action)}");
                }
                if (fit.Rule is not { } rule) continue;
                // Peer identities are service accounts: callers named as services are the accounts named like them.
                foreach (var part in ServiceCallers.Paths(rule))
                {
                    context.Warning(DiagnosticCodes.Approximated, $"$.spec.accessPolicies[{i}].rules[{r}].{part}",
                        "Peer identities are service accounts: the service is matched as the service account named like it in its namespace, which admits every workload of that account.");
                }
                target.Add(AccessRbac.Policy(ResourceNames.RbacPolicy(policy, r), ServiceCallers.AsServiceAccounts(rule), options.TrustDomain, issuers));
            }
        }
        var inbound = new InboundPlan([.. ports], [.. deny], [.. allow], hasDeny, hasAllow, [.. audit], jwt);
        var listener = new ListenerPlan(ResourceNames.InboundListener, options.InboundPort, false, string.Empty, false, ResourceNames.InboundStatPrefix(options.InboundPort), inbound);
        return ([.. clusters], listener);
    }

    /// <summary>
    /// The rate limit this workload enforces on one inbound port: from the most specific destination policy of its own
    /// service that sets one — a subset whose labels the workload carries and the port, the subset, the port, the service.
    /// </summary>
    private static (LocalRateLimit? Limit, int Source) RateLimit(PlanContext context, MeshService own, int port)
    {
        var labels = context.Proxy.Labels;
        var ownRef = own.Reference;
        LocalRateLimit? best = null;
        var rank = -1;
        var source = -1;
        var policies = context.Config.DestinationPolicies;
        for (var i = 0; i < policies.Count; i++)
        {
            var policy = policies[i];
            if (policy.RateLimit is null || policy.Target.Service != ownRef) continue;
            if (policy.Target.Port is { } p && p != port) continue;
            if (policy.Target.Subset is { } subsetName
                && (own.FindSubset(subsetName) is not { } subset || !subset.Labels.All(l => labels.TryGetValue(l.Key, out var v) && string.Equals(v, l.Value, StringComparison.Ordinal))))
            {
                continue;
            }
            var r = (policy.Target.Subset is null ? 0 : 2) + (policy.Target.Port is null ? 0 : 1);
            if (r > rank)
            {
                rank = r;
                best = policy.RateLimit;
                source = i;
            }
        }
        return (best, source);
    }

    private static RateLimitPlan Bucket(int requests, TimeSpan? interval, int? burst, int status) =>
        new(burst ?? requests, requests, interval ?? LocalRateLimit.DefaultInterval, status);

    /// <summary>
    /// Whether an access policy applies to this sidecar: same namespace, and no target, or its own service, or a
    /// subset of it whose labels the workload carries.
    /// </summary>
    public static bool AppliesToProxy(PlanContext context, AccessPolicy policy)
    {
        var proxy = context.Proxy;
        if (proxy.Kind != XdsProxyKind.Sidecar || proxy.Service is not { } own) return false;
        if (!string.Equals(policy.Namespace, own.Namespace, StringComparison.Ordinal)) return false;
        if (policy.Target is null) return true;
        if (policy.Target.Service != own) return false;
        if (policy.Target.Subset is not { } subsetName) return true;
        var subset = context.FindService(own)?.FindSubset(subsetName);
        return subset is not null && subset.Labels.All(l => proxy.Labels.TryGetValue(l.Key, out var v) && string.Equals(v, l.Value, StringComparison.Ordinal));
    }

    /// <summary>
    /// The workload's mTLS mode on one inbound port and the index of the policy that set it (-1 for the default,
    /// permissive): the most specific scope wins, port over workload over namespace over mesh, a later policy over
    /// an earlier one of the same scope.
    /// </summary>
    private static (MtlsMode Mode, int Source) InboundMtls(PlanContext context, MeshService own, int port)
    {
        var labels = context.Proxy.Labels;
        MtlsMode? mode = null;
        var rank = -1;
        var source = -1;
        var mtls = context.Config.Mtls;
        for (var i = 0; i < mtls.Count; i++)
        {
            var policy = mtls[i];
            var scope = policy.Scope;
            var matches = scope.Kind switch
            {
                MtlsScopeKind.Mesh => true,
                MtlsScopeKind.Namespace => string.Equals(scope.Namespace, own.Namespace, StringComparison.Ordinal),
                _ => string.Equals(scope.Namespace, own.Namespace, StringComparison.Ordinal)
                    && scope.Workload.All(l => labels.TryGetValue(l.Key, out var v) && string.Equals(v, l.Value, StringComparison.Ordinal))
                    && (scope.Kind == MtlsScopeKind.Workload || scope.Port == port),
            };
            var r = (int)scope.Kind;
            if (matches && r >= rank)
            {
                rank = r;
                mode = policy.Mode;
                source = i;
            }
        }
        return (mode ?? MtlsMode.Permissive, source);
    }
}
