using Mesh.Model;
using Mesh.Providers.Conformance.Suites;
using Mesh.Providers.Conformance.Support;
using Mesh.Translation;

namespace Mesh.Providers.GatewayApi.Tests.Export;

/// <summary>
/// One case per row of the capability table (see <see cref="CapabilityRowSuite"/>), on the shared Service-and-port cases made
/// valid models (translation validates first): the services and subsets they name are declared (<see cref="Declared"/>), and
/// the subset backend names its port, as every other backend of these cases does (a Service backendRef needs one).
/// </summary>
public sealed class CapabilityRowTests : CapabilityRowSuite
{
    private static readonly IReadOnlyDictionary<MeshFeature, MeshConfig> Valid = ServicePortCapabilityCases.All.ToDictionary(
        c => c.Key,
        c => Declared(c.Key == MeshFeature.BackendSubset
            ? c.Value with { Routes = [.. c.Value.Routes.Select(r => r with { Rules = [.. r.Rules.Select(rule => rule with { Backends = [.. rule.Backends.Select(b => b with { Port = 9080 })] })] })] }
            : IsWholeServiceTls(c.Value) ? c.Value with { Services = [.. c.Value.Services.Select(s => s with { Ports = default })] }
            : c.Value));

    /// <summary>
    /// A case of client TLS for a whole service and nothing else: its Service is not written (the default
    /// <see cref="ServiceOutput.Subsets"/>) and the BackendTLSPolicy names no port, so the service is declared without ports,
    /// as the import declares it from the policy's targetRef.
    /// </summary>
    private static bool IsWholeServiceTls(MeshConfig model) =>
        model.Routes.IsEmpty && model.TcpRoutes.IsEmpty && model.DestinationPolicies is [{ Tls: not null, Target.Port: null }];

    protected override ITranslator Translator { get; } = new GatewayApiTranslator(new GatewayApiOptions { GatewayClassName = "example" });

    protected override IReadOnlyDictionary<MeshFeature, MeshConfig> Cases => Valid;

    /// <summary>Every feature's case validates.</summary>
    [Fact]
    public void EveryCase_IsAValidModel() =>
        Assert.All(Valid, c => Assert.DoesNotContain(Mesh.Validation.MeshValidator.Validate(c.Value), d => d.IsError));

    /// <summary>
    /// <paramref name="model"/> with every service it names declared: a service a backend, mirror or TCP route names is
    /// added with the ports they name (HTTP, or TCP for a TCP route, as the importer reads them back), and a subset named is
    /// added to its service with the label <c>version: &lt;subset&gt;</c>.
    /// </summary>
    private static MeshConfig Declared(MeshConfig model)
    {
        var services = model.Services.ToDictionary(s => s.Reference);
        var order = model.Services.Select(s => s.Reference).ToList();
        void Name(ServiceRef service, string? subset, int? port, Protocol protocol)
        {
            // An external service is declared already, as such.
            if (model.ExternalServices.Any(e => e.Name == service.Name && e.Namespace == service.Namespace)) return;
            if (!services.TryGetValue(service, out var declared))
            {
                declared = new MeshService { Name = service.Name, Namespace = service.Namespace };
                order.Add(service);
            }
            if (port is { } p && declared.FindPort(p) is null) declared = declared with { Ports = [.. declared.Ports, new ServicePort { Port = p, Protocol = protocol }] };
            if (subset is not null && declared.FindSubset(subset) is null) declared = declared with { Subsets = [.. declared.Subsets, new Subset { Name = subset, Labels = new Dictionary<string, string> { ["version"] = subset } }] };
            services[service] = declared;
        }
        foreach (var rule in model.Routes.SelectMany(r => r.Rules))
        {
            foreach (var b in rule.Backends) Name(b.Service, b.Subset, b.Port, Protocol.Http);
            if (rule.Mirror is { } m) Name(m.Service, m.Subset, m.Port, Protocol.Http);
        }
        foreach (var tcp in model.TcpRoutes)
        {
            Name(tcp.Host, null, tcp.Port, Protocol.Tcp);
            foreach (var b in tcp.Backends) Name(b.Service, b.Subset, b.Port, Protocol.Tcp);
        }
        foreach (var target in model.DestinationPolicies.Select(p => p.Target).Concat(model.AccessPolicies.Select(p => p.Target)).OfType<PolicyTarget>())
        {
            Name(target.Service, target.Subset, null, Protocol.Http);
        }
        return model with { Services = [.. order.Select(r => services[r])] };
    }
}
