using System.Globalization;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Validation;
using Mesh.Providers.GatewayApi.Translation;
using Mesh.Providers.Linkerd.Resources;
using GatewayResources = Mesh.Providers.GatewayApi.Resources;

namespace Mesh.Providers.Linkerd.Mapping;

/// <summary>
/// The ports of core <c>v1</c> Services ↔ the ports of model services. This provider reads Services but never writes them (they
/// are the cluster's own objects).
/// <list type="bullet">
/// <item>Linkerd → model: each TCP port of a Service becomes a port of the model service of the Service's name and namespace,
/// with its name and a protocol: from <c>appProtocol</c> (<see cref="AppProtocols"/>), else opaque TCP on the Service's
/// <c>config.linkerd.io/opaque-ports</c> (or Linkerd's default opaque ports without that annotation), else HTTP, which Linkerd
/// detects. A Service port is the weakest source of a protocol: a route or Server naming the same port decides it (as TCPRoute
/// parents yield to HTTP ones). UDP and SCTP ports are reported. The Services read also resolve Servers' container port names
/// (<see cref="Candidates"/>).</item>
/// <item>Model → Linkerd: what only a Service says (port names, protocols, ports no route or Server names) is not written; each
/// port that does not come back is reported (<see cref="ToLinkerd"/>), and each port read gets an info saying so.</item>
/// </list>
/// Static members map model → Linkerd; an instance reads the Services of one import.
/// </summary>
internal sealed class ServicePortMapping(LinkerdOptions options, ImportContext ctx)
{
    /// <summary>A port read from a Service: its index in the Service's list, name, number, targetPort and protocol (and why).</summary>
    internal sealed record PortEntry(int Index, string? Name, int Number, object? TargetPort, Protocol Protocol, string Why, bool Explicit);

    /// <summary>A Service read: its workload (the <see cref="LinkerdOptions.WorkloadLabel"/> value of its selector) and ports.</summary>
    internal sealed record ServiceEntry(string Namespace, string Name, string Source, string? Workload, List<PortEntry> Ports)
    {
        public ServiceRef Reference => new(Name, Namespace);
    }

    private readonly SortedDictionary<(string Namespace, string Name), ServiceEntry> _services = new(OrdinalKeyComparer.Instance);

    /// <summary>The annotations of a Service that are read (others are reported).</summary>
    public static IReadOnlySet<string> CarriedAnnotations { get; } = new HashSet<string>(FailureAccrualMapping.Carried, StringComparer.Ordinal) { LinkerdAnnotations.OpaquePorts };

    /// <summary>Linkerd → model: reads the ports and selector of <paramref name="service"/>.</summary>
    public void Read(CoreService service, string name, string ns, string source)
    {
        if (name.Length == 0) return;
        if (_services.ContainsKey((ns, name)))
        {
            ctx.NotImported(source, "$.spec", $"Service '{ns}/{name}' is already read from another document; this one is not imported.");
            return;
        }
        var opaque = OpaquePorts(service.Metadata?.Annotations, source, out var opaqueWhy);
        var spec = service.Spec;
        string? workload = null;
        if (spec is not null && spec.Ports is not { Count: > 0 })
        {
            ctx.NotImportedInfo(source, "$.spec", "The Service has no ports: nothing of its spec is carried into the model.");
        }
        if (spec?.Selector is { } selector)
        {
            selector.TryGetValue(options.WorkloadLabel, out workload);
            ctx.NotImportedInfo(source, "$.spec.selector", workload is null
                ? $"The model's services have no pod selector, and this one has no '{options.WorkloadLabel}' label: no Server's container port name is resolved through this Service."
                : $"The model's services have no pod selector; it matches this Service with the Servers of the '{options.WorkloadLabel}: {workload}' pods, whose container port names the Service's ports resolve.");
        }
        var ports = new List<PortEntry>();
        var seen = new HashSet<int>();
        var list = spec?.Ports ?? [];
        for (var k = 0; k < list.Count; k++)
        {
            if (list[k] is not { } p) continue;
            var path = $"$.spec.ports[{k}]";
            if (p.Port is not { } number)
            {
                ctx.Invalid(source, $"{path}.port", "A Service port needs a port number.");
                continue;
            }
            if (number is < 1 or > 65535)
            {
                ctx.Invalid(source, $"{path}.port", "A port is between 1 and 65535.");
                continue;
            }
            var target = p.TargetPort is "" ? null : p.TargetPort;
            if (target is int t && t is < 1 or > 65535)
            {
                ctx.Invalid(source, $"{path}.targetPort", "A target port is a number between 1 and 65535 or a container port name.");
                continue;
            }
            if (p.Protocol is not (null or "TCP"))
            {
                ctx.NotImported(source, path, p.Protocol is "UDP" or "SCTP"
                    ? $"Linkerd proxies TCP only, and the model's ports are TCP ports; this {p.Protocol} port is not imported."
                    : $"'{p.Protocol}' is not a protocol Kubernetes defines (TCP, UDP, SCTP); the port is not imported.");
                continue;
            }
            if (!seen.Add(number))
            {
                ctx.NotImported(source, path, $"Port {number} is declared twice in this Service; this one is not imported.");
                continue;
            }
            var portName = p.Name;
            if (portName is not null && !DnsNames.IsDnsLabel(portName))
            {
                ctx.NotImported(source, $"{path}.name", $"'{portName}' is not a port name the model takes (a DNS label: lower-case letters, digits and '-'); the port is read without it.");
                portName = null;
            }
            Protocol protocol;
            string why;
            var isExplicit = true;
            if (AppProtocols.Parse(p.AppProtocol) is { } named)
            {
                protocol = named;
                why = AppProtocols.IsReadByLinkerd(p.AppProtocol!) ? $"appProtocol {p.AppProtocol}" : $"appProtocol {p.AppProtocol}, which Linkerd does not read but which names the application protocol";
            }
            else
            {
                if (Contains(opaque, number))
                {
                    protocol = Protocol.Tcp;
                    why = $"port {number} is {opaqueWhy}";
                }
                else
                {
                    protocol = Protocol.Http;
                    why = "Linkerd detects HTTP";
                    isExplicit = false;
                }
                if (p.AppProtocol is { } other)
                {
                    ctx.NotImportedInfo(source, $"{path}.appProtocol", $"appProtocol '{other}' is not one Linkerd reads (http, kubernetes.io/h2c, linkerd.io/opaque, linkerd.io/tcp) or this provider maps: Linkerd detects the protocol, and the port is read as {WireNames.Of(protocol)}.");
                }
            }
            ports.Add(new PortEntry(k, portName, number, target, protocol, why, isExplicit));
        }
        _services[(ns, name)] = new ServiceEntry(ns, name, source, workload, ports);
    }

    /// <summary>
    /// The ports, with their Service, of the Services of <paramref name="ns"/> that select the <paramref name="workload"/> pods and
    /// satisfy <paramref name="match"/> (how a Server's container port name is resolved, see <see cref="ServerMapping"/>).
    /// </summary>
    public List<(ServiceEntry Service, PortEntry Port)> Candidates(string ns, string workload, Func<PortEntry, bool> match) =>
        [.. _services.Values.Where(s => s.Namespace == ns && s.Workload == workload).SelectMany(s => s.Ports.Where(match).Select(p => (s, p)))];

    /// <summary>Linkerd → model: the model with every Service port read added to its service (a port already there keeps its protocol and takes the Service port's name).</summary>
    public MeshConfig ToModel(MeshConfig config)
    {
        if (_services.Count == 0) return config;
        var services = config.Services.ToList();
        foreach (var service in _services.Values.Where(s => s.Ports.Count > 0))
        {
            var index = services.FindIndex(s => s.Reference == service.Reference);
            var ports = index >= 0 ? services[index].Ports.ToList() : [];
            foreach (var port in service.Ports)
            {
                var at = ports.FindIndex(p => p.Port == port.Number);
                string protocol;
                if (at < 0)
                {
                    ports.Add(new ServicePort { Port = port.Number, Protocol = port.Protocol, Name = port.Name });
                    protocol = $"{WireNames.Of(port.Protocol)}: {port.Why}";
                }
                else
                {
                    var present = ports[at];
                    ports[at] = present with { Name = port.Name ?? present.Name };
                    protocol = present.Protocol == port.Protocol || !port.Explicit
                        ? $"{WireNames.Of(present.Protocol)}, as a route or Server of the input names it"
                        : $"{WireNames.Of(present.Protocol)}, as a route or Server of the input names it; the Service's {port.Why} ({WireNames.Of(port.Protocol)}) yields to it";
                }
                var named = port.Name is null ? string.Empty : $" '{port.Name}'";
                ctx.NotImportedInfo(service.Source, $"$.spec.ports[{port.Index}]", $"Read as port {port.Number}{named} ({protocol}) of service '{service.Reference}'. This provider does not write Services: the port is written back only as the port of a route or Server that names it, by number.");
            }
            var merged = new MeshService { Name = service.Name, Namespace = service.Namespace, Ports = [.. ports] };
            if (index >= 0) services[index] = services[index] with { Ports = merged.Ports };
            else services.Add(merged);
        }
        return (config with { Services = [.. services] }).Normalize();
    }

    /// <summary>The opaque port ranges of a Service: its <c>config.linkerd.io/opaque-ports</c> (which replaces the default list), else Linkerd's default opaque ports.</summary>
    private List<(int From, int To)> OpaquePorts(IDictionary<string, string>? annotations, string source, out string why)
    {
        if (annotations is null || !annotations.TryGetValue(LinkerdAnnotations.OpaquePorts, out var text) || text is null)
        {
            why = "one of Linkerd's default opaque ports (an installation can change that list)";
            return [.. AppProtocols.DefaultOpaquePorts.Select(p => (p, p))];
        }
        why = $"listed in {LinkerdAnnotations.OpaquePorts}";
        var ranges = new List<(int, int)>();
        foreach (var token in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var dash = token.IndexOf('-', StringComparison.Ordinal);
            var (low, high) = dash < 0 ? (token, token) : (token[..dash], token[(dash + 1)..]);
            if (int.TryParse(low, NumberStyles.None, CultureInfo.InvariantCulture, out var from) && int.TryParse(high, NumberStyles.None, CultureInfo.InvariantCulture, out var to)
                && from is >= 1 and <= 65535 && to is >= 1 and <= 65535 && from <= to)
            {
                ranges.Add((from, to));
            }
            else
            {
                ctx.NotImported(source, "$.metadata.annotations" + JsonPaths.Segment(LinkerdAnnotations.OpaquePorts), $"'{token}' is not a port or a port range (e.g. 3306 or 4000-4100); it is not read.");
            }
        }
        return ranges;
    }

    private static bool Contains(List<(int From, int To)> ranges, int port) => ranges.Exists(r => port >= r.From && port <= r.To);

    /// <summary>
    /// Model → Linkerd: a port reaches Linkerd's resources only as the parent port of a route or the port of a Server, by number,
    /// with the protocol the route's kind or the Server's <c>proxyProtocol</c> says, and never with its name. Each port of the
    /// model that <paramref name="written"/>, read back the way the importer reads it, does not give back as it is (missing,
    /// another protocol, another name) gets an info at its path.
    /// </summary>
    public static void ToLinkerd(MeshConfig config, IEnumerable<object> written, LinkerdOptions options, RouteExportContext ctx)
    {
        var back = ReadBack(written, options);
        for (var i = 0; i < config.Services.Count; i++)
        {
            var service = config.Services[i];
            var read = back.PortsOf(service.Reference);
            if (read is not null && ComesBack(service, read)) continue;
            var path = $"$.spec.services[{i}]";
            if (read is null)
            {
                if (!service.Ports.IsEmpty)
                {
                    ctx.Note(path, $"Linkerd takes a service's ports from its Kubernetes Service, which this provider does not write, and no route or Server written names a port of '{service.Reference}': its ports are not written.");
                }
                continue;
            }
            for (var k = 0; k < service.Ports.Count; k++)
            {
                var port = service.Ports[k];
                if (!read.TryGetValue(port.Port, out var protocol))
                {
                    ctx.Note($"{path}.ports[{k}]", $"Linkerd takes a service's ports from its Kubernetes Service, which this provider does not write, and no route or Server written names port {port.Port} of '{service.Reference}': the port is not written.");
                    continue;
                }
                var at = new ServicePort { Port = port.Port, Protocol = protocol };
                if (at.Protocol == port.Protocol && at.EffectiveName == port.EffectiveName) continue;
                var lost = new List<string>();
                if (at.EffectiveName != port.EffectiveName) lost.Add($"its name '{port.EffectiveName}' (read back as '{at.EffectiveName}')");
                if (at.Protocol != port.Protocol)
                {
                    var hint = AppProtocols.Of(port.Protocol) is { } app ? $"; appProtocol {app} on the Service port says {WireNames.Of(port.Protocol)} to Linkerd" : string.Empty;
                    lost.Add($"its protocol {WireNames.Of(port.Protocol)} (the route or Server written reads back as {WireNames.Of(at.Protocol)}{hint})");
                }
                ctx.Note($"{path}.ports[{k}]", $"Port {port.Port} of '{service.Reference}' is written only by number: {string.Join(" and ", lost)} {(lost.Count == 1 ? "belongs" : "belong")} to the Kubernetes Service, which this provider does not write.");
            }
        }
    }

    /// <summary>Whether every port of <paramref name="service"/> reads back with its protocol and name (the common case, checked without allocating).</summary>
    private static bool ComesBack(MeshService service, IReadOnlyDictionary<int, Protocol> read)
    {
        foreach (var port in service.Ports)
        {
            if (!read.TryGetValue(port.Port, out var protocol) || protocol != port.Protocol) return false;
            if (port.Name is not null && port.Name != $"{WireNames.Of(protocol)}-{port.Port}") return false;
        }
        return true;
    }

    /// <summary>The services and ports the importer reads from <paramref name="written"/>: route parents (HTTP, gRPC, TCP) in order, then Servers.</summary>
    private static ModelBuilder ReadBack(IEnumerable<object> written, LinkerdOptions options)
    {
        var model = new ModelBuilder();
        var servers = new List<Server>();
        foreach (var resource in written)
        {
            switch (resource)
            {
                case PolicyHttpRoute p when !AuthorizationRouteMapping.IsServerRoute(p.Spec):
                    Parents(p.Spec.ParentRefs, p.Metadata.NamespaceProperty, Protocol.Http, model);
                    break;
                case GatewayResources.HttpRoute h when !AuthorizationRouteMapping.IsServerRoute(h.Spec):
                    Parents(h.Spec.ParentRefs, h.Metadata.NamespaceProperty, Protocol.Http, model);
                    break;
                case GatewayResources.GrpcRoute g:
                    Parents(g.Spec.ParentRefs, g.Metadata.NamespaceProperty, Protocol.Grpc, model);
                    break;
                case GatewayResources.TcpRoute t:
                    if (t.Spec.ParentRefs?.FirstOrDefault(p => p.Kind == "Service" && p.Name is not null) is { } parent && parent.Port is { } tcpPort)
                    {
                        model.AddTcpPort(new ServiceRef(parent.Name!, parent.Namespace ?? t.Metadata.NamespaceProperty), tcpPort);
                    }
                    break;
                case Server s:
                    servers.Add(s);
                    break;
            }
        }
        foreach (var server in servers)
        {
            if (server.Spec.PodSelector?.MatchLabels?.GetValueOrDefault(options.WorkloadLabel) is { } name && server.Spec.Port is int port)
            {
                model.AddPort(new ServiceRef(name, server.Metadata.NamespaceProperty), port, ProxyProtocols.Parse(server.Spec.ProxyProtocol) ?? Protocol.Http);
            }
        }
        return model;
    }

    private static void Parents(List<GatewayResources.ParentReference>? parents, string ns, Protocol protocol, ModelBuilder model)
    {
        ServiceRef? host = null;
        foreach (var parent in parents ?? [])
        {
            if (parent.Kind != "Service" || parent.Name is null) continue;
            var service = new ServiceRef(parent.Name, parent.Namespace ?? ns);
            if (host is not null && host != service) continue;
            host = service;
            if (parent.Port is { } port) model.AddPort(service, port, protocol);
        }
    }
}
