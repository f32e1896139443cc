using CsCheck;
using Mesh.Model;
using Mesh.Providers.Osm.Mapping;
using Mesh.Testing;
using Mesh.Translation;

namespace Mesh.Providers.Osm.Tests.Generators;

/// <summary>
/// The shared generators seen through OSM: <see cref="Any"/> is every valid model; <see cref="WithinCapabilities"/> drops what OSM
/// reports Unsupported, feature by feature (the capabilities) and where a supported feature is used in a way OSM cannot write
/// (<see cref="ToOsm"/>). The import will refine <see cref="ToOsm"/> into the model OSM reads back, for the round trip.
/// </summary>
internal static class OsmModels
{
    private static readonly ProviderCapabilities Capabilities = OsmCapabilities.Instance;

    /// <summary>Valid models using every model feature.</summary>
    public static Gen<MeshConfig> Any => MeshGenerators.Config;

    /// <summary>Valid models within OSM's capabilities, mapped by <see cref="ToOsm"/>.</summary>
    public static Gen<MeshConfig> WithinCapabilities =>
        MeshGenerators.ConfigSupporting(f => Capabilities[f].Support != CapabilitySupport.Unsupported).Select(ToOsm);

    /// <summary>
    /// Leaves out of a model what the OSM export reports as not written although the features it uses are supported:
    /// <list type="bullet">
    /// <item>backends in another namespace than their host (TrafficSplit backends are Services of the root's namespace); a route
    /// left without backends, and a TCP route of a host an HTTP route already splits (one TrafficSplit per root);</item>
    /// <item>retriable status codes and a maximum back-off interval other than Envoy's, and retries of a model without services;</item>
    /// <item>access policies for a namespace, rules without service-account sources, methods outside HTTPRouteGroup's enum;</item>
    /// <item>external services without ports or without a service to call from, and IPv6 addresses;</item>
    /// <item>subset policies for a subset no route splits to (no leaf Service), and the empty outlier detection or load balancer the
    /// restriction to supported features leaves (Envoy's defaults, which OSM cannot set either).</item>
    /// </list>
    /// </summary>
    public static MeshConfig ToOsm(MeshConfig m)
    {
        var routes = m.Routes
            .Select(r => r with
            {
                Rules = [.. r.Rules
                    .Select(rule => rule with { Backends = [.. rule.Backends.Where(b => b.Service.Namespace == r.Host.Namespace)], Retry = Retry(rule.Retry) })
                    .Where(rule => rule.Backends.Any(b => b.Weight > 0))],
            })
            .Where(r => r.Rules.Count > 0)
            .ToList();
        var split = routes.Select(r => r.Host).ToHashSet();
        var tcpRoutes = m.TcpRoutes
            .Select(t => t with { Backends = [.. t.Backends.Where(b => b.Service.Namespace == t.Host.Namespace)] })
            .Where(t => t.Backends.Any(b => b.Weight > 0) && split.Add(t.Host))
            .ToList();
        var routedSubsets = routes.SelectMany(r => r.Rules[0].Backends).Concat(tcpRoutes.SelectMany(t => t.Backends))
            .Where(b => b.Subset is not null && b.Weight >= 0).Select(b => (b.Service, b.Subset)).ToHashSet();
        var access = m.AccessPolicies
            .Where(p => p.Target is not null)
            .Select(p => p with
            {
                Rules = [.. p.Rules
                    .Where(r => r.From is { ServiceAccounts.IsEmpty: false })
                    .Select(r => r with { To = r.To is { } to ? to with { Methods = [.. to.Methods.Where(AccessPolicyMapping.Methods.Contains)] } : null })],
            })
            .ToList();
        return m with
        {
            Routes = [.. routes],
            TcpRoutes = [.. tcpRoutes],
            DestinationPolicies = [.. m.DestinationPolicies
                .Where(p => p.Target.Subset is null || routedSubsets.Contains((p.Target.Service, p.Target.Subset)))
                .Select(p => p with { LoadBalancer = null, OutlierDetection = null })],
            AccessPolicies = [.. access],
            ExternalServices = m.Services.IsEmpty ? [] : [.. m.ExternalServices.Where(e => !e.Ports.IsEmpty).Select(e => e with { Addresses = [.. e.Addresses.Where(a => !a.Contains(':', StringComparison.Ordinal))] })],
        };
    }

    /// <summary>
    /// The model with only the subsets a route, TCP route, mirror or policy names: OSM has no subsets, only the leaf Services of those routed to (the kit's
    /// <see cref="Mesh.Kubernetes.LeafServicePlan"/>), which the import folds back.
    /// </summary>
    public static MeshConfig RoutedSubsetsOnly(MeshConfig m)
    {
        var routed = m.Routes.SelectMany(r => r.Rules.SelectMany(rule => rule.Backends)).Concat(m.TcpRoutes.SelectMany(t => t.Backends))
            .Where(b => b.Subset is not null).Select(b => (b.Service, b.Subset!)).ToHashSet();
        // Subsets other references name stay (the model must validate); the export reports those it cannot write.
        routed.UnionWith(m.Routes.SelectMany(r => r.Rules).Select(rule => rule.Mirror).OfType<Mirror>().Where(x => x.Subset is not null).Select(x => (x.Service, x.Subset!)));
        routed.UnionWith(m.DestinationPolicies.Select(p => p.Target).Concat(m.AccessPolicies.Select(p => p.Target)).OfType<PolicyTarget>().Where(t => t.Subset is not null).Select(t => (t.Service, t.Subset!)));
        return m with { Services = [.. m.Services.Select(s => s with { Subsets = [.. s.Subsets.Where(x => routed.Contains((s.Reference, x.Name)))] })] };
    }

    private static RetryPolicy? Retry(RetryPolicy? retry)
    {
        if (retry is null) return null;
        var on = retry.On.Where(c => c != RetryCondition.RetriableStatusCodes).ToList();
        if (on.Count == 0 && !retry.On.IsEmpty) return null;
        return retry with
        {
            On = [.. on],
            StatusCodes = default,
            Backoff = retry.Backoff is { } b ? b with { MaxInterval = null } : null,
        };
    }
}
