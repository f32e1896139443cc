using CsCheck;
using Mesh.Collections;
using Mesh.Model;
using Mesh.Testing;
using Mesh.Translation;

namespace Mesh.Providers.Istio.Tests.Generators;

/// <summary>
/// The shared generators (<see cref="MeshGenerators"/>) seen through Istio: <see cref="Any"/> is every valid model;
/// <see cref="WithinCapabilities"/> drops what Istio reports Unsupported and maps, explicitly and one by one, what it
/// approximates to the nearest model Istio expresses exactly.
/// </summary>
internal static class IstioModels
{
    private static readonly ProviderCapabilities Capabilities = IstioCapabilities.Instance;

    /// <summary>Valid models using every model feature.</summary>
    public static Gen<MeshConfig> Any => MeshGenerators.Config;

    /// <summary>Valid models within Istio's capabilities, mapped by <see cref="ToIstioCapabilities"/>.</summary>
    public static Gen<MeshConfig> WithinCapabilities =>
        MeshGenerators.ConfigSupporting(f => Capabilities[f].Support != CapabilitySupport.Unsupported).Select(ToIstioCapabilities);

    /// <summary>
    /// Maps a model to what Istio (with <see cref="Mesh.Translation.ServiceOutput.All"/>, which writes the services' Kubernetes
    /// Services) writes and reads back exactly:
    /// <list type="bullet">
    /// <item>policies that set nothing are dropped (nothing of them is written);</item>
    /// <item>split weights are made representable out of 100 (otherwise rounded, MESH2103);</item>
    /// <item>prefix redirects and back-off maxima are dropped (reported Unsupported / Approximated);</item>
    /// <item>an access policy whose target's workloads are also exactly those of another service or subset of its namespace
    /// (a subset without labels of its own, two subsets with the same labels, services with the same selector) cannot be told
    /// from it by a selector (reported on export): a subset target becomes its whole service when that one is told apart,
    /// else the policy is dropped;</item>
    /// <item>request authentications are mapped as access policies are (the same selectors);</item>
    /// <item>mTLS policies whose selector would need a <c>*</c> in a label value, which Istio rejects, are dropped (reported Unsupported);</item>
    /// <item>gateway routes bind to whole gateways (a listener binding is approximated, MESH2102).</item>
    /// </list>
    /// </summary>
    public static MeshConfig ToIstioCapabilities(MeshConfig m)
    {
        m = ServiceCallerModels.AsServiceAccounts(m); // callers named as services read back as the service accounts named like them
        var policies = m.DestinationPolicies.Where(p => p.LoadBalancer is not null || p.OutlierDetection is not null || p.Tls is not null || (p.ConnectionPool is { } c && c != new ConnectionPool())).ToList();
        return m with
        {
            Name = "imported",
            DestinationPolicies = [.. policies],
            Routes = [.. m.Routes.Select(r => r with { Rules = [.. r.Rules.Select(Rule)] })],
            TcpRoutes = [.. m.TcpRoutes.Select(r => r with { Backends = Representable(r.Backends) })],
            GatewayTlsRoutes = [.. m.GatewayTlsRoutes.Select(r => r with { Backends = Representable(r.Backends) })],
            GatewayTcpRoutes = [.. m.GatewayTcpRoutes.Select(r => r with { Backends = Representable(r.Backends) })],
            GatewayRoutes = [.. m.GatewayRoutes.Select(r => r with { Gateways = [.. r.Gateways.Select(g => g with { Listener = null }).Distinct()], Rules = [.. r.Rules.Select(Rule)] })],
            AccessPolicies = [.. m.AccessPolicies
                .Select(a => a.Target is { } target && !TellsApart(m, target) ? a with { Target = target with { Subset = null } } : a)
                .Where(a => a.Target is not { } target || TellsApart(m, target))],
            RequestAuthentications = [.. m.RequestAuthentications
                .Select(a => a.Target is { } target && !TellsApart(m, target) ? a with { Target = target with { Subset = null } } : a)
                .Where(a => a.Target is not { } target || TellsApart(m, target))],
            Mtls = [.. m.Mtls.Where(p => !p.Scope.Workload.Values.Any(v => v.Contains('*', StringComparison.Ordinal)))],
        };
    }

    /// <summary>
    /// Whether the target's workload labels (the selector a policy is written with) are those of no other target of its
    /// namespace: no other service has them as its selector (for a whole service: none that sorts before it), and no subset
    /// of any service but the target itself has them.
    /// </summary>
    private static bool TellsApart(MeshConfig m, PolicyTarget target)
    {
        var owner = m.FindService(target.Service)!;
        var labels = owner.WorkloadLabels(target.Subset)!.Value;
        var neighbours = m.Services.Where(s => s.Namespace == owner.Namespace).ToList();
        if (target.Subset is null) return !neighbours.Any(s => s != owner && s.EffectiveSelector == labels && string.CompareOrdinal(s.Name, owner.Name) < 0);
        return !neighbours.Any(s => s.EffectiveSelector == labels)
            && !neighbours.Any(s => s.Subsets.Any(x => !(s == owner && x.Name == target.Subset) && s.WorkloadLabels(x.Name) == labels));
    }

    private static HttpRouteRule Rule(HttpRouteRule rule) => rule with
    {
        Backends = Representable(rule.Backends),
        Redirect = rule.Redirect is { PathPrefix: not null } r ? r with { PathPrefix = null } : rule.Redirect,
        Retry = rule.Retry is { Backoff.MaxInterval: not null } retry ? retry with { Backoff = retry.Backoff with { MaxInterval = null } } : rule.Retry,
    };

    /// <summary>Weights whose ratio survives scaling to 100: kept when their sum divides 100, else the first takes what makes the sum the next divisor of 100.</summary>
    internal static EquatableArray<WeightedBackend> Representable(EquatableArray<WeightedBackend> backends)
    {
        if (backends.Count < 2) return backends;
        var sum = backends.Sum(b => b.Weight);
        if (sum > 0 && 100 % sum == 0) return backends;
        var divisor = new[] { 2, 4, 5, 10, 20, 25, 50, 100 }.First(d => d >= backends.Count);
        return [.. backends.Select((b, i) => b with { Weight = i == 0 ? divisor - (backends.Count - 1) : 1 })];
    }
}
