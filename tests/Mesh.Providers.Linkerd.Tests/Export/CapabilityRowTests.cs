using Mesh.Model;
using Mesh.Providers.Conformance.Suites;
using Mesh.Providers.Conformance.Support;
using Mesh.Translation;

namespace Mesh.Providers.Linkerd.Tests.Export;

/// <summary>One case per row of the capability table (see <see cref="CapabilityRowSuite"/>), on the shared Service-and-port cases made valid.</summary>
public sealed class CapabilityRowTests : CapabilityRowSuite
{
    protected override ITranslator Translator { get; } = new LinkerdTranslator(new LinkerdOptions { GatewayClassName = "example" });

    /// <summary>The shared cases made valid; the subset backend names its port, as every other backend of these cases does (a backendRef to a leaf Service is written with one).</summary>
    protected override IReadOnlyDictionary<MeshFeature, MeshConfig> Cases { get; } = ServicePortCapabilityCases.All.ToDictionary(
        c => c.Key,
        c => Declared(c.Key == MeshFeature.BackendSubset
            ? c.Value with { Routes = [.. c.Value.Routes.Select(r => r with { Rules = [.. r.Rules.Select(rule => rule with { Backends = [.. rule.Backends.Select(b => b with { Port = 9080 })] })] })] }
            : c.Value));

    /// <summary>
    /// The shared cases name services and subsets they do not declare (the split and mirror target <c>ratings</c>, the TCP
    /// split's <c>reviews-v1</c> and <c>reviews-v2</c>, subset <c>v2</c> of <c>reviews</c>), and the translator takes only valid
    /// models: each is declared here as the import declares what its input names but lacks — a service with the ports its
    /// references name (<c>http</c> from a route, <c>tcp</c> from a TCP route) — and a subset with the label
    /// <c>version: &lt;subset&gt;</c>.
    /// </summary>
    private static MeshConfig Declared(MeshConfig model)
    {
        var services = model.Services.ToList();
        void Declare(ServiceRef service, string? subset, int? port, Protocol protocol)
        {
            // An external service is declared already, as such.
            if (model.ExternalServices.Any(e => e.Name == service.Name && e.Namespace == service.Namespace)) return;
            var index = services.FindIndex(s => s.Reference == service);
            if (index < 0)
            {
                services.Add(new MeshService { Name = service.Name, Namespace = service.Namespace });
                index = services.Count - 1;
            }
            var declared = services[index];
            if (port is { } p && declared.FindPort(p) is null) declared = declared with { Ports = [.. declared.Ports, new ServicePort { Port = p, Protocol = protocol }] };
            if (subset is not null && declared.FindSubset(subset) is null) declared = declared with { Subsets = [.. declared.Subsets, new Subset { Name = subset, Labels = new Dictionary<string, string> { ["version"] = subset } }] };
            services[index] = declared;
        }
        foreach (var route in model.Routes)
        {
            Declare(route.Host, null, null, Protocol.Http);
            foreach (var rule in route.Rules)
            {
                foreach (var backend in rule.Backends) Declare(backend.Service, backend.Subset, backend.Port, Protocol.Http);
                if (rule.Mirror is { } mirror) Declare(mirror.Service, mirror.Subset, mirror.Port, Protocol.Http);
            }
        }
        foreach (var tcp in model.TcpRoutes)
        {
            Declare(tcp.Host, null, tcp.Port, Protocol.Tcp);
            foreach (var backend in tcp.Backends) Declare(backend.Service, backend.Subset, backend.Port, Protocol.Tcp);
        }
        foreach (var policy in model.DestinationPolicies) Declare(policy.Target.Service, policy.Target.Subset, null, Protocol.Http);
        foreach (var policy in model.AccessPolicies)
        {
            if (policy.Target is { } target) Declare(target.Service, target.Subset, null, Protocol.Http);
        }
        return model with { Services = [.. services] };
    }
}
