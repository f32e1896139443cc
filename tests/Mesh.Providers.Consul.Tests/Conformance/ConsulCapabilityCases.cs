using Mesh.Model;
using Mesh.Providers.Conformance.Support;
using Mesh.Translation;

namespace Mesh.Providers.Consul.Tests.Conformance;

/// <summary>
/// One small model per row of the capability table, for Consul: backends are subsets of the reviews service (an <c>http</c>
/// port 9080; its <c>tcp</c> port 9000 for the TCP split). Where the shared case has a shape Consul writes differently beside
/// the feature itself, the case is Consul's own (each with why). The CapabilityRowSuite derivation
/// (<see cref="ConsulCapabilityRows"/>, with the import) takes this table.
/// </summary>
internal static class ConsulCapabilityCases
{
    private static readonly MeshService Reviews = new()
    {
        Name = "reviews",
        Namespace = "bookinfo",
        Ports = [new ServicePort { Port = 9080, Protocol = Protocol.Http }],
        Subsets = [.. new[] { "v1", "v2" }.Select(v => new Subset { Name = v, Labels = new Dictionary<string, string> { ["version"] = v } })],
    };

    /// <summary>A caller of reviews: Consul writes connection pools and outlier detection on the callers' ServiceDefaults.</summary>
    private static readonly MeshService Productpage = new()
    {
        Name = "productpage",
        Namespace = "bookinfo",
        Ports = [new ServicePort { Port = 9080, Protocol = Protocol.Http }],
    };

    private static readonly CapabilityCases Shared = new(
        Reviews,
        new WeightedBackend { Service = CapabilityCases.Reviews, Subset = "v1" },
        new WeightedBackend { Service = CapabilityCases.Reviews, Subset = "v2" });

    public static IReadOnlyDictionary<MeshFeature, MeshConfig> All { get; } = Build();

    private static Dictionary<MeshFeature, MeshConfig> Build()
    {
        var cases = new Dictionary<MeshFeature, MeshConfig>(Shared.All)
        {
            // The TCP route needs the tcp port it names.
            [MeshFeature.TcpSplit] = Shared.All[MeshFeature.TcpSplit] with { Services = [Reviews with { Ports = [new ServicePort { Port = 9000, Protocol = Protocol.Tcp }] }] },
            // A Consul service has one port: a backend naming the only port loses nothing (noted), naming one of two is the feature.
            [MeshFeature.BackendPort] = Shared.All[MeshFeature.BackendPort] with
            {
                Services = [Reviews with { Ports = [new ServicePort { Port = 9080, Protocol = Protocol.Http }, new ServicePort { Port = 9090, Protocol = Protocol.Http }] }],
            },
            // The mode alone: Consul writes the mesh scope exactly (a namespace scope goes per service, an approximation of its own).
            [MeshFeature.MtlsStrict] = Mtls(MtlsMode.Strict),
            [MeshFeature.MtlsPermissive] = Mtls(MtlsMode.Permissive),
            // Consul writes a namespace scope on the ServiceDefaults of the namespace's model services: the namespace has one.
            [MeshFeature.MtlsScopeNamespace] = Shared.All[MeshFeature.MtlsScopeNamespace] with { Services = [new MeshService { Name = "web", Namespace = "shop", Ports = [new ServicePort { Port = 8080, Protocol = Protocol.Http }] }] },
        };
        // Consul writes one ServiceIntentions per destination, read back as the policy '<service>-<action>'; a namespace source is
        // approximated on Community Edition (where the rows run), so the callers are a model service (allow: admitting every
        // caller is no restriction, read back as no policy) or any caller (deny).
        var allow = cases[MeshFeature.AccessAllow].AccessPolicies[0];
        cases[MeshFeature.AccessAllow] = cases[MeshFeature.AccessAllow] with
        {
            Services = [Reviews, Productpage],
            AccessPolicies = [allow with { Name = "reviews-allow", Rules = [new AccessRule { From = new AccessSource { ServiceAccounts = [new ServiceAccountRef("bookinfo", "productpage")] } }] }],
        };
        var deny = cases[MeshFeature.AccessDeny].AccessPolicies[0];
        cases[MeshFeature.AccessDeny] = cases[MeshFeature.AccessDeny] with { AccessPolicies = [deny with { Name = "reviews-deny", Rules = [new AccessRule()] }] };
        // The policy named as Consul reads it back (above).
        cases[MeshFeature.AccessToMethods] = Renamed(cases[MeshFeature.AccessToMethods]);
        cases[MeshFeature.AccessWhenHeaders] = Renamed(cases[MeshFeature.AccessWhenHeaders]);
        // A Consul L7 permission has one path: a rule with several reads back as one rule per path.
        var paths = cases[MeshFeature.AccessToPaths].AccessPolicies[0];
        cases[MeshFeature.AccessToPaths] = Renamed(cases[MeshFeature.AccessToPaths] with
        {
            AccessPolicies = [paths with { Rules = [.. paths.Rules[0].To!.Paths.Select(p => new AccessRule { To = new AccessOperation { Paths = [p] } })] }],
        });
        // Limits and health checks are written on the callers: the service has one in the model.
        foreach (var feature in new[]
        {
            MeshFeature.MaxConnections, MeshFeature.MaxPendingRequests, MeshFeature.MaxRequests, MeshFeature.ConnectTimeout,
            MeshFeature.OutlierConsecutive5xx, MeshFeature.OutlierInterval, MeshFeature.OutlierBaseEjectionTime, MeshFeature.OutlierMaxEjectionPercent,
        })
        {
            cases[feature] = cases[feature] with { Services = [Reviews, Productpage] };
        }
        // Consul's destination protocol is tcp, http, http2 or grpc: a TLS port is written (and read back) as tcp, reported.
        foreach (var feature in new[] { MeshFeature.ExternalHosts, MeshFeature.ExternalResolutionDns, MeshFeature.ExternalResolutionStatic })
        {
            var external = cases[feature].ExternalServices[0];
            cases[feature] = cases[feature] with { ExternalServices = [external with { Ports = [new ServicePort { Port = 443, Protocol = Protocol.Tcp }] }] };
        }
        // DNS resolution alone: addresses beside DNS hosts are the approximation of egress.addresses.
        var dns = cases[MeshFeature.ExternalResolutionDns].ExternalServices[0];
        cases[MeshFeature.ExternalResolutionDns] = cases[MeshFeature.ExternalResolutionDns] with { ExternalServices = [dns with { Addresses = [] }] };
        return cases;
    }

    private static MeshConfig Mtls(MtlsMode mode) => new() { Name = "imported", Mtls = [new MtlsPolicy { Scope = MtlsScope.Mesh, Mode = mode }] };

    private static string Action(AccessPolicy policy) => policy.Action == AccessAction.Allow ? "allow" : "deny";

    private static MeshConfig Renamed(MeshConfig model) => model with { AccessPolicies = [.. model.AccessPolicies.Select(p => p with { Name = $"reviews-{Action(p)}" })] };
}
