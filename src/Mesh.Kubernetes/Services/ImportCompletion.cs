using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Translation;

namespace Mesh.Kubernetes;

/// <summary>
/// Makes an imported model self-contained, so that it validates: a service that routes, backends, mirrors or policies name but
/// (callers named as services included) that the input does not contain is declared from what the references say (its ports from backend and TCP route ports, with
/// the protocol of the route kind, and match ports of the routes on it), with an information naming where it was inferred from; a subset named but never defined
/// is declared without labels (all the service's workloads, or an external service's endpoints) with a warning; a port a backend names that its service does not
/// declare is added with a warning.
/// </summary>
public static class ImportCompletion
{
    /// <summary>Completes <paramref name="config"/>.</summary>
    /// <param name="config">The imported model.</param>
    /// <param name="provider">The provider (tags the diagnostics).</param>
    /// <param name="diagnostics">Receives what was inferred.</param>
    /// <returns>The completed model.</returns>
    public static MeshConfig Complete(MeshConfig config, ProviderName provider, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var external = new HashSet<ServiceRef>(config.ExternalServices.Select(e => new ServiceRef(e.Name, e.Namespace)));
        var services = new Dictionary<ServiceRef, Draft>();
        var order = new List<ServiceRef>();
        foreach (var service in config.Services)
        {
            if (services.ContainsKey(service.Reference)) continue;
            services[service.Reference] = new Draft(service, Inferred: null);
            order.Add(service.Reference);
        }

        // Subsets named on external services that declare none of that name (a mesh with one namespace, such as Consul Community
        // Edition, can resolve a mesh service's subset to an external service of the same name).
        var externalSubsets = new Dictionary<ServiceRef, List<string>>();

        void Refer(ServiceRef service, string? subset, int? port, Protocol protocol, string path, string what)
        {
            if (service.Name is null || service.Namespace is null) return;
            if (external.Contains(service))
            {
                var declared = config.ExternalServices.First(e => e.Name == service.Name && e.Namespace == service.Namespace);
                if (subset is null || declared.Subsets.Any(s => s.Name == subset)) return;
                var added = externalSubsets.TryGetValue(service, out var list) ? list : externalSubsets[service] = [];
                if (added.Contains(subset)) return;
                added.Add(subset);
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.SubsetUndefined, path, $"Subset '{subset}' of external service '{service}' is named by a {what} but defined nowhere in the input; it is declared without labels, i.e. all of the service's endpoints.") with { Provider = provider });
                return;
            }
            if (!services.TryGetValue(service, out var draft))
            {
                draft = new Draft(new MeshService { Name = service.Name, Namespace = service.Namespace }, Inferred: path);
                services[service] = draft;
                order.Add(service);
                diagnostics.Add(Diagnostic.Info(DiagnosticCodes.ServiceInferred, path, $"Service '{service}' is not in the input; it is declared from the {what} that names it (selector {{ app: {service.Name} }}{(port is null ? "" : $", port {port}")}). Include its Kubernetes Service to import its real selector and ports.") with { Provider = provider });
            }
            if (subset is not null && draft.Service.FindSubset(subset) is null && !draft.Subsets.Contains(subset))
            {
                draft.Subsets.Add(subset);
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.SubsetUndefined, path, $"Subset '{subset}' of service '{service}' is named by a {what} but defined nowhere in the input (a mesh sends such traffic nowhere until it is defined); it is declared without labels, i.e. all of the service's workloads.") with { Provider = provider });
            }
            if (port is { } p and >= 1 and <= 65535 && draft.Service.FindPort(p) is null && !draft.Ports.ContainsKey(p))
            {
                draft.Ports[p] = protocol;
                if (draft.Inferred is null)
                {
                    diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.ServiceInferred, path, $"Port {p} of service '{service}' is named by a {what} but not declared by the service's Kubernetes Service in the input; it is added as a {WireNames.Of(protocol)} port.") with { Provider = provider });
                }
            }
        }

        for (var i = 0; i < config.Routes.Count; i++)
        {
            var route = config.Routes[i];
            Refer(route.Host, null, null, Protocol.Http, $"$.spec.routes[{i}].host", $"route '{route.Namespace}/{route.Name}'");
            for (var j = 0; j < route.Rules.Count; j++)
            {
                var rule = route.Rules[j];
                for (var k = 0; k < rule.Matches.Count; k++)
                {
                    if (rule.Matches[k].Port is { } port) Refer(route.Host, null, port, Protocol.Http, $"$.spec.routes[{i}].rules[{j}].matches[{k}].port", $"match of route '{route.Namespace}/{route.Name}'");
                }
                for (var k = 0; k < rule.Backends.Count; k++)
                {
                    var b = rule.Backends[k];
                    Refer(b.Service, b.Subset, b.Port, Protocol.Http, $"$.spec.routes[{i}].rules[{j}].backends[{k}]", $"backend of route '{route.Namespace}/{route.Name}'");
                }
                if (rule.Mirror is { } m) Refer(m.Service, m.Subset, m.Port, Protocol.Http, $"$.spec.routes[{i}].rules[{j}].mirror", $"mirror of route '{route.Namespace}/{route.Name}'");
            }
        }
        for (var i = 0; i < config.GatewayRoutes.Count; i++)
        {
            var route = config.GatewayRoutes[i];
            for (var j = 0; j < route.Rules.Count; j++)
            {
                var rule = route.Rules[j];
                for (var k = 0; k < rule.Backends.Count; k++)
                {
                    var b = rule.Backends[k];
                    Refer(b.Service, b.Subset, b.Port, Protocol.Http, $"$.spec.gatewayRoutes[{i}].rules[{j}].backends[{k}]", $"backend of gateway route '{route.Namespace}/{route.Name}'");
                }
                if (rule.Mirror is { } m) Refer(m.Service, m.Subset, m.Port, Protocol.Http, $"$.spec.gatewayRoutes[{i}].rules[{j}].mirror", $"mirror of gateway route '{route.Namespace}/{route.Name}'");
            }
        }
        for (var i = 0; i < config.GatewayTlsRoutes.Count; i++)
        {
            var route = config.GatewayTlsRoutes[i];
            for (var k = 0; k < route.Backends.Count; k++)
            {
                var b = route.Backends[k];
                Refer(b.Service, b.Subset, b.Port, Protocol.Tls, $"$.spec.gatewayTlsRoutes[{i}].backends[{k}]", $"backend of gateway TLS route '{route.Namespace}/{route.Name}'");
            }
        }
        for (var i = 0; i < config.GatewayTcpRoutes.Count; i++)
        {
            var route = config.GatewayTcpRoutes[i];
            for (var k = 0; k < route.Backends.Count; k++)
            {
                var b = route.Backends[k];
                Refer(b.Service, b.Subset, b.Port, Protocol.Tcp, $"$.spec.gatewayTcpRoutes[{i}].backends[{k}]", $"backend of gateway TCP route '{route.Namespace}/{route.Name}'");
            }
        }
        for (var i = 0; i < config.TcpRoutes.Count; i++)
        {
            var tcp = config.TcpRoutes[i];
            Refer(tcp.Host, null, tcp.Port, Protocol.Tcp, $"$.spec.tcpRoutes[{i}].host", $"TCP route '{tcp.Namespace}/{tcp.Name}'");
            for (var k = 0; k < tcp.Backends.Count; k++)
            {
                var b = tcp.Backends[k];
                Refer(b.Service, b.Subset, b.Port, Protocol.Tcp, $"$.spec.tcpRoutes[{i}].backends[{k}]", $"backend of TCP route '{tcp.Namespace}/{tcp.Name}'");
            }
        }
        for (var i = 0; i < config.DestinationPolicies.Count; i++)
        {
            var t = config.DestinationPolicies[i].Target;
            if (t is not null) Refer(t.Service, t.Subset, t.Port, Protocol.Http, $"$.spec.destinationPolicies[{i}].target", "destination policy");
        }
        for (var i = 0; i < config.AccessPolicies.Count; i++)
        {
            var policy = config.AccessPolicies[i];
            if (policy.Target is { } t) Refer(t.Service, t.Subset, null, Protocol.Http, $"$.spec.accessPolicies[{i}].target", $"access policy '{policy.Namespace}/{policy.Name}'");
            for (var j = 0; j < policy.Rules.Count; j++)
            {
                if (policy.Rules[j].From is not { } from) continue;
                for (var k = 0; k < from.Services.Count; k++) Refer(from.Services[k], null, null, Protocol.Http, $"$.spec.accessPolicies[{i}].rules[{j}].from.services[{k}]", $"caller of access policy '{policy.Namespace}/{policy.Name}'");
                if (from.Not is null) continue;
                for (var k = 0; k < from.Not.Services.Count; k++) Refer(from.Not.Services[k], null, null, Protocol.Http, $"$.spec.accessPolicies[{i}].rules[{j}].from.not.services[{k}]", $"excluded caller of access policy '{policy.Namespace}/{policy.Name}'");
            }
        }
        for (var i = 0; i < config.RequestAuthentications.Count; i++)
        {
            if (config.RequestAuthentications[i].Target is { } t) Refer(t.Service, t.Subset, null, Protocol.Http, $"$.spec.requestAuthentications[{i}].target", $"request authentication '{config.RequestAuthentications[i].Namespace}/{config.RequestAuthentications[i].Name}'");
        }

        if (externalSubsets.Count > 0)
        {
            config = config with
            {
                ExternalServices = [.. config.ExternalServices.Select(e => externalSubsets.TryGetValue(new ServiceRef(e.Name, e.Namespace), out var added)
                    ? e with { Subsets = [.. e.Subsets, .. added.Select(name => new Subset { Name = name })] }
                    : e)],
            };
        }
        if (services.Values.All(d => d.Inferred is null && d.Subsets.Count == 0 && d.Ports.Count == 0)) return config;
        return config with { Services = [.. order.Select(r => services[r].Build())] };
    }

    private sealed record Draft(MeshService Service, string? Inferred)
    {
        public List<string> Subsets { get; } = [];

        public SortedDictionary<int, Protocol> Ports { get; } = [];

        public MeshService Build() => Subsets.Count == 0 && Ports.Count == 0 ? Service : Service with
        {
            Subsets = [.. Service.Subsets, .. Subsets.Select(s => new Subset { Name = s })],
            Ports = [.. Service.Ports, .. Ports.Select(p => new ServicePort { Port = p.Key, Protocol = p.Value })],
        };
    }
}
