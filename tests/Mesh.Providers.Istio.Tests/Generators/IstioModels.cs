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
    /// Maps a model to what Istio writes and reads back exactly:
    /// <list type="bullet">
    /// <item>service ports are dropped (Istio reads them from Kubernetes Services); policies that set nothing, and services
    /// with neither subsets nor such a policy, are dropped (nothing of them is written);</item>
    /// <item>split weights are made representable out of 100 (otherwise rounded, MESH2103);</item>
    /// <item>prefix redirects and back-off maxima are dropped (reported Unsupported / Approximated);</item>
    /// <item>an access policy on a subset that its labels cannot single out (no labels, the labels of another subset, or an
    /// <c>app</c> label of its own) targets the whole service instead (reported on export);</item>
    /// <item>policies whose selector would need a <c>*</c> in a label value, which Istio rejects, are dropped (reported Unsupported).</item>
    /// </list>
    /// </summary>
    public static MeshConfig ToIstioCapabilities(MeshConfig m)
    {
        var policies = m.DestinationPolicies.Where(p => p.LoadBalancer is not null || p.OutlierDetection is not null || (p.ConnectionPool is { } c && c != new ConnectionPool())).ToList();
        var withPolicy = policies.Select(p => p.Target.Service).ToHashSet();
        return m with
        {
            Name = "imported",
            Services = [.. m.Services.Where(s => !s.Subsets.IsEmpty || withPolicy.Contains(s.Reference)).Select(s => s with { Ports = [] })],
            DestinationPolicies = [.. policies],
            Routes = [.. m.Routes.Select(r => r with { Rules = [.. r.Rules.Select(Rule)] })],
            TcpRoutes = [.. m.TcpRoutes.Select(r => r with { Backends = Representable(r.Backends) })],
            AccessPolicies = [.. m.AccessPolicies
                .Select(a => a.Target is { Subset: { } subset } target && !Distinguishable(m, target.Service, subset) ? a with { Target = target with { Subset = null } } : a)
                .Where(a => a.Target?.Subset is not { } subset || !m.FindService(a.Target.Service)!.FindSubset(subset)!.Labels.Values.Any(v => v.Contains('*', StringComparison.Ordinal)))],
            Mtls = [.. m.Mtls.Where(p => !p.Scope.Workload.Values.Any(v => v.Contains('*', StringComparison.Ordinal)))],
        };
    }

    private static bool Distinguishable(MeshConfig m, ServiceRef service, string subset)
    {
        var owner = m.FindService(service);
        var labels = owner?.FindSubset(subset)?.Labels ?? default;
        return !labels.IsEmpty && !labels.ContainsKey("app") && !owner!.Subsets.Any(s => s.Name != subset && s.Labels == labels);
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
