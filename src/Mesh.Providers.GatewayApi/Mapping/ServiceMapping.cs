using Mesh.Translation;
using System.Text.Json;
using Mesh.Diagnostics;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.GatewayApi.Translation;

namespace Mesh.Providers.GatewayApi.Mapping;

/// <summary>
/// Core <c>v1</c> Services ↔ the model's services. Model → Services is the translator shell's (the kit's
/// <see cref="CoreServiceWriter"/>, per <see cref="GatewayApiOptions.ServiceOutput"/>: leaf Services for the subsets routed
/// to, or every service too). Services → model is this class, one instance per import: each Service of the input is read with
/// <see cref="CoreServiceReader"/> (selector, ports with names, target ports and protocols; a port whose protocol the Service
/// does not say takes the one the routes naming it say) once every route is read, and completes the services the routes
/// imply — the Service's selector, ports and target ports win, and a port a route names that the Service lacks is kept
/// with a warning. A service the routes name that no Service of the input declares is declared from what names it, with
/// an information at that place; the parent of a leaf Service (<see cref="LeafServiceLabels.SubsetOf"/>) that the input lacks
/// is declared with the leaf's ports, so the translator shell folds the leaf back into a subset of it.
/// </summary>
internal sealed class ServiceMapping(ImportContext ctx)
{
    private static readonly HashSet<string> Carried = new(StringComparer.Ordinal) { LeafServiceLabels.SubsetOf, LeafServiceLabels.ParentSelector };

    private readonly List<(CoreService Service, ServiceRef Reference, string Source)> _services = [];
    private readonly HashSet<ServiceRef> _seen = [];

    /// <summary>Gateway API → model: takes <paramref name="service"/>, named <paramref name="name"/> in <paramref name="ns"/>, to be read when the routes are (<see cref="Complete"/>).</summary>
    public void Read(CoreService service, string name, string ns, string source)
    {
        ReportMetadata(service.Metadata, source);
        if (name.Length == 0) return;
        var reference = new ServiceRef(name, ns);
        if (!_seen.Add(reference))
        {
            ctx.NotImported(source, "$.metadata.name", $"Service '{reference}' is already read from another document; this one is not imported.");
            return;
        }
        _services.Add((service, reference, source));
    }

    /// <summary>
    /// Gateway API → model: <paramref name="built"/> (the routes and the services their parentRefs imply) with the services of
    /// the input's Services and of every service a route names, normalised.
    /// </summary>
    public MeshConfig Complete(MeshConfig built, ModelBuilder model)
    {
        var references = model.References;
        var named = references.GroupBy(r => r.Service).ToDictionary(g => g.Key, g => g.ToList());
        var declared = new Dictionary<ServiceRef, Entry>();
        var order = new List<ServiceRef>();
        void Declare(ServiceRef reference, Entry entry)
        {
            declared[reference] = entry;
            order.Add(reference);
        }

        foreach (var (service, reference, source) in _services)
        {
            if (CoreServiceReader.Read(service, reference.Name, reference.Namespace, source, ctx, p => RouteProtocol(reference, p.Port, model, named)) is { } read)
            {
                Declare(reference, new Entry(read, source, FromInput: true));
            }
        }
        // A leaf Service's parent that the input lacks: the leaf carries its parent's ports, so the leaf folds back into it.
        foreach (var (service, reference, source) in _services)
        {
            if (service.Metadata?.Annotations is not { } annotations || !annotations.TryGetValue(LeafServiceLabels.SubsetOf, out var mark) || !LeafServiceLabels.TryParse(mark, out var parentName, out _)) continue;
            var parent = new ServiceRef(parentName, reference.Namespace);
            if (declared.ContainsKey(parent) || !declared.TryGetValue(reference, out var leaf)) continue;
            var parentSelector = annotations.TryGetValue(LeafServiceLabels.ParentSelector, out var selectorText) && LeafServiceLabels.TryParseSelector(selectorText, out var parsed) ? parsed : default;
            Declare(parent, new Entry(new MeshService { Name = parentName, Namespace = reference.Namespace, Selector = parentSelector, Ports = leaf.Service.Ports }, source, FromInput: false));
            Info(source, "$.metadata.annotations" + JsonPaths.Segment(LeafServiceLabels.SubsetOf), $"Service '{parent}' is not in the input; it is declared from its leaf Service '{reference}' (the leaf's ports, and the selector its {LeafServiceLabels.ParentSelector} annotation names, else {{ {MeshService.DefaultSelectorKey}: {parentName} }}).");
        }

        // The services the routes' parentRefs imply, with the ports the routes name.
        foreach (var implied in built.Services)
        {
            if (!declared.TryGetValue(implied.Reference, out var entry))
            {
                Declare(implied.Reference, new Entry(implied, Source: null, FromInput: false));
                if (First(named, implied.Reference, null) is { } at) Inferred(implied.Reference, implied, at);
                continue;
            }
            var ports = entry.Service.Ports.ToList();
            foreach (var port in implied.Ports)
            {
                var at = First(named, implied.Reference, port.Port);
                if (entry.Service.FindPort(port.Port) is { } existing)
                {
                    if (entry.FromInput && model.PortName(implied.Reference, port.Port) is { } section && section != existing.EffectiveName && at is not null)
                    {
                        Warning(at.Source, at.Path + ".sectionName", $"'{section}' is not the name of port {port.Port} of Service '{implied.Reference}' ('{existing.EffectiveName}'): the Service's name is kept (a mesh attaches the route to the port of that name).");
                    }
                    continue;
                }
                ports.Add(port);
                if (entry.FromInput) Warning(at?.Source ?? entry.Source!, at?.Path ?? "$.spec.ports", $"Port {port.Port} of '{implied.Reference}' is named by a route's parentRef but not declared by its Service in the input ({entry.Source}); it is kept as a {WireNames.Of(port.Protocol)} port.");
            }
            declared[implied.Reference] = entry with { Service = entry.Service with { Ports = [.. ports] } };
        }

        // Every other service a backend or mirror names, and ports they name that their service lacks.
        foreach (var reference in references)
        {
            if (!declared.TryGetValue(reference.Service, out var entry))
            {
                var ports = named[reference.Service].Where(r => r.Port is not null).GroupBy(r => r.Port!.Value)
                    .Select(g => new ServicePort { Port = g.Key, Protocol = Strongest(g.Select(r => r.Protocol)) }).ToList();
                var service = new MeshService { Name = reference.Service.Name, Namespace = reference.Service.Namespace, Ports = [.. ports] };
                Declare(reference.Service, new Entry(service, Source: null, FromInput: false));
                Inferred(reference.Service, service, reference);
                continue;
            }
            if (reference.Port is not { } number || entry.Service.FindPort(number) is not null) continue;
            var protocol = Strongest(named[reference.Service].Where(r => r.Port == number).Select(r => r.Protocol));
            declared[reference.Service] = entry with { Service = entry.Service with { Ports = [.. entry.Service.Ports, new ServicePort { Port = number, Protocol = protocol }] } };
            if (entry.FromInput) Warning(reference.Source, reference.Path, $"Port {number} of '{reference.Service}' is named by the {reference.What} but not declared by its Service in the input ({entry.Source}); it is added as a {WireNames.Of(protocol)} port.");
        }
        return built with { Services = [.. order.Select(r => declared[r].Service)] };
    }

    /// <summary>The protocol the routes say a port of a Service speaks, for a port whose Service says none (null: HTTP).</summary>
    private static Protocol? RouteProtocol(ServiceRef service, int? port, ModelBuilder model, Dictionary<ServiceRef, List<ServiceReference>> named)
    {
        if (port is not { } number) return null;
        if (model.PortsOf(service) is { } ports && ports.TryGetValue(number, out var protocol)) return protocol;
        var protocols = named.GetValueOrDefault(service)?.Where(r => r.Port == number).Select(r => r.Protocol).ToList();
        return protocols is not { Count: > 0 } ? null : Strongest(protocols);
    }

    /// <summary>gRPC (a GRPCRoute) says more than HTTP (an HTTPRoute carries gRPC too), which says more than TCP (a TCPRoute carries anything).</summary>
    private static Protocol Strongest(IEnumerable<Protocol> protocols) =>
        protocols.MaxBy(p => p switch { Protocol.Grpc => 3, Protocol.Http => 2, _ => 1 });

    private static ServiceReference? First(Dictionary<ServiceRef, List<ServiceReference>> named, ServiceRef service, int? port) =>
        named.GetValueOrDefault(service)?.Find(r => port is null || r.Port == port);

    private void Inferred(ServiceRef reference, MeshService service, ServiceReference at)
    {
        var ports = service.Ports.IsEmpty ? "" : $", port{(service.Ports.Count == 1 ? "" : "s")} {string.Join(", ", service.Ports.Select(p => p.Port))}";
        Info(at.Source, at.Path, $"Service '{reference}' is not in the input; it is declared from the {at.What} that names it (selector {{ {MeshService.DefaultSelectorKey}: {reference.Name} }}{ports}). Include its Kubernetes Service to import its real selector and ports.");
    }

    /// <summary>Reports the metadata of a Service but the leaf labels and annotation (<see cref="LeafServiceLabels"/>), which the import reads.</summary>
    private void ReportMetadata(k8s.Models.V1ObjectMeta? metadata, string source)
    {
        if (metadata?.Labels is { } labels && (labels.ContainsKey(LeafServiceLabels.Parent) || labels.ContainsKey(LeafServiceLabels.Subset)))
        {
            var copy = JsonSerializer.Deserialize(JsonSerializer.Serialize(metadata, KubeJson.ObjectMeta), KubeJson.ObjectMeta)!;
            var rest = labels.Where(l => l.Key is not (LeafServiceLabels.Parent or LeafServiceLabels.Subset)).ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal);
            copy.Labels = rest.Count == 0 ? null : rest;
            metadata = copy;
        }
        ctx.ReportMetadata(metadata, source, Carried);
    }

    // ImportContext raises one code per method; the code is set afterwards so that the diagnostic keeps its source location.
    private void Info(string source, string path, string message)
    {
        ctx.NotImportedInfo(source, path, message);
        ctx.Diagnostics[^1] = ctx.Diagnostics[^1] with { Code = DiagnosticCodes.ServiceInferred };
    }

    private void Warning(string source, string path, string message)
    {
        ctx.NotImported(source, path, message);
        ctx.Diagnostics[^1] = ctx.Diagnostics[^1] with { Code = DiagnosticCodes.ServiceInferred };
    }

    private sealed record Entry(MeshService Service, string? Source, bool FromInput);
}
