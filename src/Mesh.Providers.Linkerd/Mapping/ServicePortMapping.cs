using Mesh.Translation;
using System.Globalization;
using Mesh.Collections;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Validation;
using Mesh.Providers.GatewayApi.Translation;
using Mesh.Providers.Linkerd.Resources;
using GatewayResources = Mesh.Providers.GatewayApi.Resources;

namespace Mesh.Providers.Linkerd.Mapping;

/// <summary>
/// Core <c>v1</c> Services ↔ model services: their selector, and their ports with names, target ports and protocols.
/// <list type="bullet">
/// <item>Linkerd → model: a Service becomes the model service of its name and namespace, with its selector (as the kit's
/// <see cref="CoreServiceReader"/> reads it) and each TCP port with its name, <c>targetPort</c> and a protocol by Linkerd's
/// own rules: from <c>appProtocol</c> (<see cref="AppProtocols"/>), else opaque TCP on the Service's
/// <c>config.linkerd.io/opaque-ports</c> (or Linkerd's default opaque ports without that annotation), else HTTP, which Linkerd
/// detects (Linkerd reads no port-name prefixes). A route or Server naming the same port decides its protocol, except that an
/// explicit <c>appProtocol</c> says more than a route kind that carries it (HTTP/2 or gRPC under an HTTPRoute, anything under a
/// TCPRoute). UDP and SCTP ports are reported. The Services read also tell which service a Server's pods belong to
/// (<see cref="Selecting"/>) and resolve Servers' container port names (<see cref="Candidates"/>).</item>
/// <item>Model → Linkerd: the translator shell writes the Services per <see cref="LinkerdOptions.ServiceOutput"/>; with
/// <see cref="ServiceOutput.All"/> every service's Service carries its selector and ports. Otherwise a service's ports reach
/// Linkerd's resources only through the routes and Servers that name them, and what only its Service would say is reported
/// (<see cref="ToLinkerd"/>).</item>
/// </list>
/// Static members map model → Linkerd; an instance reads the Services of one import.
/// </summary>
internal sealed class ServicePortMapping(LinkerdOptions options, ImportContext ctx)
{
    /// <summary>A port read from a Service: its index in the Service's list, name, number, target port and protocol (and why).</summary>
    internal sealed record PortEntry(int Index, string? Name, int Number, TargetPort? Target, Protocol Protocol, string Why, bool Explicit);

    /// <summary>
    /// A Service read: its selector (empty when it has none: it then selects no pods, and the model gives it the default
    /// selector), the parent service and subset it stands for when it is a leaf Service (<see cref="LeafServiceLabels.SubsetOf"/>),
    /// and its ports.
    /// </summary>
    internal sealed record ServiceEntry(string Namespace, string Name, string Source, EquatableMap<string> Selector, (string Parent, string Subset)? LeafOf, List<PortEntry> Ports)
    {
        public ServiceRef Reference => new(Name, Namespace);

        /// <summary>The selector the model gives the service: its own, or <c>{ app: &lt;name&gt; }</c> when it has none.</summary>
        public EquatableMap<string> EffectiveSelector => Selector.IsEmpty ? MeshService.DefaultSelector(Name) : Selector;
    }

    private readonly SortedDictionary<(string Namespace, string Name), ServiceEntry> _services = new(OrdinalKeyComparer.Instance);

    /// <summary>The annotations of a Service that are read (others are reported).</summary>
    public static IReadOnlySet<string> CarriedAnnotations { get; } = new HashSet<string>(FailureAccrualMapping.Carried, StringComparer.Ordinal) { LinkerdAnnotations.OpaquePorts, LeafServiceLabels.SubsetOf, LeafServiceLabels.ParentSelector };

    /// <summary>Linkerd → model: reads the selector and ports of <paramref name="service"/>.</summary>
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
        if (spec is not null && spec.Ports is not { Count: > 0 })
        {
            ctx.NotImportedInfo(source, "$.spec", "The Service has no ports: nothing of its spec is carried into the model.");
        }
        var selector = CoreServiceReader.ReadSelector(spec?.Selector, name, source, ctx, reportMissing: spec?.Ports is { Count: > 0 });
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
            if (!CoreServiceReader.TryReadTargetPort(p.TargetPort, source, $"{path}.targetPort", ctx, "the port is not imported", out var target)) continue;
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
        var leaf = service.Metadata?.Annotations is { } annotations && annotations.TryGetValue(LeafServiceLabels.SubsetOf, out var mark) && LeafServiceLabels.TryParse(mark, out var parent, out var subset)
            ? (parent, subset)
            : ((string, string)?)null;
        _services[(ns, name)] = new ServiceEntry(ns, name, source, selector, leaf, ports);
    }

    /// <summary>
    /// The Services of <paramref name="ns"/> that select pods carrying <paramref name="labels"/>: those whose selector as the
    /// model reads it (<see cref="ServiceEntry.EffectiveSelector"/>) the labels include, leaf Services (which stand for a
    /// subset of another service) left out, most specific (largest selector) first, then by name.
    /// </summary>
    public List<ServiceEntry> Selecting(string ns, IReadOnlyDictionary<string, string> labels) =>
        [.. _services.Values
            .Where(s => s.Namespace == ns && s.LeafOf is null && Includes(labels, s.EffectiveSelector))
            .OrderByDescending(s => s.EffectiveSelector.Count)
            .ThenBy(s => s.Name, StringComparer.Ordinal)];

    /// <summary>The leaf Service of the input that stands for the subset of <paramref name="service"/> whose pods carry exactly <paramref name="labels"/>, or null.</summary>
    public ServiceEntry? LeafFor(ServiceRef service, IReadOnlyDictionary<string, string> labels) =>
        _services.Values.FirstOrDefault(s => s.Namespace == service.Namespace && s.LeafOf is { } leaf && leaf.Parent == service.Name && s.Selector.Count == labels.Count && Includes(labels, s.Selector));

    /// <summary>The Service of <paramref name="service"/>'s name in the input, or null.</summary>
    public ServiceEntry? Find(ServiceRef service) => _services.GetValueOrDefault((service.Namespace, service.Name));

    /// <summary>
    /// The ports, with their Service, of the Services of <paramref name="ns"/> whose selector <paramref name="podLabels"/>
    /// includes (so they send to those pods) and that satisfy <paramref name="match"/>: how a Server's container port name is
    /// resolved, see <see cref="ServerMapping"/>. A Service without a selector selects no pods and never matches.
    /// </summary>
    public List<(ServiceEntry Service, PortEntry Port)> Candidates(string ns, IReadOnlyDictionary<string, string> podLabels, Func<PortEntry, bool> match) =>
        [.. _services.Values.Where(s => s.Namespace == ns && !s.Selector.IsEmpty && Includes(podLabels, s.Selector)).SelectMany(s => s.Ports.Where(match).Select(p => (s, p)))];

    /// <summary>Whether <paramref name="labels"/> has every label of <paramref name="selector"/>.</summary>
    public static bool Includes(IReadOnlyDictionary<string, string> labels, IEnumerable<KeyValuePair<string, string>> selector) =>
        selector.All(l => labels.TryGetValue(l.Key, out var v) && v == l.Value);

    /// <summary>
    /// Linkerd → model: the model with every Service read given its selector and its ports (a port already there takes the
    /// Service port's name and target port, and keeps its protocol unless the Service's <c>appProtocol</c> says more than the
    /// route kind that named it; a port a Server in <paramref name="serverPorts"/> names keeps the Server's protocol).
    /// </summary>
    public MeshConfig ToModel(MeshConfig config, IReadOnlySet<(ServiceRef Service, int Port)> serverPorts)
    {
        if (_services.Count == 0) return config;
        var services = config.Services.ToList();
        var written = options.ServiceOutput == ServiceOutput.All
            ? "Written back with the service's Service (ServiceOutput All)."
            : $"The service's own Service is written back only with ServiceOutput All (the option is {options.ServiceOutput}): otherwise the port is written back only as the port of a route or Server that names it, by number.";
        foreach (var service in _services.Values)
        {
            var index = services.FindIndex(s => s.Reference == service.Reference);
            if (service.Ports.Count == 0)
            {
                // A Service without ports is a model service only when a route or Server names it; it then gives its selector.
                if (index >= 0 && !service.Selector.IsEmpty) services[index] = services[index] with { Selector = service.Selector };
                continue;
            }
            if (options.ServiceOutput != ServiceOutput.All && !service.Selector.IsEmpty)
            {
                ctx.NotImportedInfo(service.Source, "$.spec.selector", $"Read as the selector {service.Selector} of service '{service.Reference}'. The service's own Service is written back only with ServiceOutput All (the option is {options.ServiceOutput}): otherwise the selector is written back only as the pod selector of the Servers of the access policies that target the service.");
            }
            var ports = index >= 0 ? services[index].Ports.ToList() : [];
            foreach (var port in service.Ports)
            {
                var at = ports.FindIndex(p => p.Port == port.Number);
                string protocol;
                if (at < 0)
                {
                    ports.Add(new ServicePort { Port = port.Number, Protocol = port.Protocol, Name = port.Name, TargetPort = port.Target });
                    protocol = $"{WireNames.Of(port.Protocol)}: {port.Why}";
                }
                else
                {
                    var present = ports[at];
                    var server = serverPorts.Contains((service.Reference, port.Number));
                    var wins = port.Explicit && !server && SaysMore(port.Protocol, present.Protocol);
                    ports[at] = present with { Name = port.Name ?? present.Name, TargetPort = port.Target, Protocol = wins ? port.Protocol : present.Protocol };
                    var by = server ? "a Server of the input names it" : "a route of the input names it";
                    protocol = wins
                        ? $"{WireNames.Of(port.Protocol)}: {port.Why}, which says more than the {WireNames.Of(present.Protocol)} of the route that names it"
                        : present.Protocol == port.Protocol || !port.Explicit
                            ? $"{WireNames.Of(present.Protocol)}, as {by}"
                            : $"{WireNames.Of(present.Protocol)}, as {by}; the Service's {port.Why} ({WireNames.Of(port.Protocol)}) yields to it";
                }
                var named = port.Name is null ? string.Empty : $" '{port.Name}'";
                ctx.NotImportedInfo(service.Source, $"$.spec.ports[{port.Index}]", $"Read as port {port.Number}{named} ({protocol}) of service '{service.Reference}'. {written}");
            }
            if (index >= 0) services[index] = services[index] with { Selector = service.Selector, Ports = [.. ports] };
            else services.Add(new MeshService { Name = service.Name, Namespace = service.Namespace, Selector = service.Selector, Ports = [.. ports] });
        }
        return (config with { Services = [.. services] }).Normalize();
    }

    /// <summary>
    /// Whether a Service's explicit protocol says more than the protocol a route's kind gave the port: HTTP/2 or gRPC on an
    /// HTTPRoute's port (which carries both), anything on a TCPRoute's port (which yields to any other source).
    /// </summary>
    private static bool SaysMore(Protocol service, Protocol route) => route switch
    {
        Protocol.Http => service is Protocol.Http2 or Protocol.Grpc,
        Protocol.Tcp => service != Protocol.Tcp,
        _ => false,
    };

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
    /// Model → Linkerd: what of each service's Kubernetes Service the translation does not carry, as infos at its paths. With
    /// <see cref="ServiceOutput.All"/> the translator writes every service's Service (selector, ports with names, target ports and
    /// <c>appProtocol</c>), so nothing is lost; only a TCP port is noted where Linkerd would not proxy it opaquely, as the Service
    /// says <c>appProtocol: tcp</c>, which Linkerd does not read. Otherwise the service's own Service is not written: a port reaches
    /// Linkerd's resources only as the parent port of a route or the port of a Server, by number, with the protocol the route's
    /// kind or the Server's <c>proxyProtocol</c> says, never with its name or target port. Then each port that
    /// <paramref name="written"/>, read back the way the importer reads it without the Service, does not give back as it is
    /// (missing, another protocol, another name), each target port other than the port itself, and a selector other than the
    /// default are noted.
    /// </summary>
    public static void ToLinkerd(MeshConfig config, IEnumerable<object> written, LinkerdOptions options, RouteExportContext ctx)
    {
        if (options.ServiceOutput == ServiceOutput.All)
        {
            OpaqueNotes(config, ctx);
            return;
        }
        var notWritten = options.ServiceOutput == ServiceOutput.Subsets
            ? "which this translation does not write (ServiceOutput Subsets writes only the Services of subsets; All writes every service's)"
            : "which this translation does not write (ServiceOutput None; All writes every service's)";
        var back = ReadBack(written);
        for (var i = 0; i < config.Services.Count; i++)
        {
            var service = config.Services[i];
            var path = $"$.spec.services[{i}]";
            if (!service.Selector.IsEmpty && service.Selector != MeshService.DefaultSelector(service.Name))
            {
                ctx.Note($"{path}.selector", $"The selector {service.Selector} of '{service.Reference}' belongs to its Kubernetes Service, {notWritten}: read back without it, the service selects {{ {MeshService.DefaultSelectorKey}: {service.Name} }}, and a Server written for it is matched to its service by its '{MeshService.DefaultSelectorKey}' label.");
            }
            for (var k = 0; k < service.Ports.Count; k++)
            {
                var port = service.Ports[k];
                if (port.TargetPort is { } target && target != TargetPort.Of(port.Port))
                {
                    ctx.Note($"{path}.ports[{k}].targetPort", $"Target port {target} of port {port.Port} of '{service.Reference}' belongs to its Kubernetes Service, {notWritten}: read back, the port targets itself.");
                }
            }
            var read = back.PortsOf(service.Reference);
            if (read is not null && ComesBack(service, read)) continue;
            if (read is null)
            {
                if (!service.Ports.IsEmpty)
                {
                    ctx.Note(path, $"Linkerd takes a service's ports from its Kubernetes Service, {notWritten}, and no route or Server written names a port of '{service.Reference}': its ports are not written.");
                }
                continue;
            }
            for (var k = 0; k < service.Ports.Count; k++)
            {
                var port = service.Ports[k];
                if (!read.TryGetValue(port.Port, out var protocol))
                {
                    ctx.Note($"{path}.ports[{k}]", $"Linkerd takes a service's ports from its Kubernetes Service, {notWritten}, and no route or Server written names port {port.Port} of '{service.Reference}': the port is not written.");
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
                ctx.Note($"{path}.ports[{k}]", $"Port {port.Port} of '{service.Reference}' is written only by number: {string.Join(" and ", lost)} {(lost.Count == 1 ? "belongs" : "belong")} to the Kubernetes Service, {notWritten}.");
            }
        }
    }

    /// <summary>
    /// With every Service written: the TCP ports Linkerd would not proxy opaquely. The Service says <c>appProtocol: tcp</c>
    /// (<see cref="Kubernetes.AppProtocols.Of"/>), which Linkerd does not read, so it detects the protocol there, unless the
    /// port is one of its default opaque ports.
    /// </summary>
    private static void OpaqueNotes(MeshConfig config, RouteExportContext ctx)
    {
        for (var i = 0; i < config.Services.Count; i++)
        {
            var service = config.Services[i];
            for (var k = 0; k < service.Ports.Count; k++)
            {
                var port = service.Ports[k];
                if (port.Protocol != Protocol.Tcp || AppProtocols.DefaultOpaquePorts.Contains(port.Port)) continue;
                ctx.Note($"$.spec.services[{i}].ports[{k}]", $"Port {port.Port} of '{service.Reference}' is written in its Service with appProtocol {Kubernetes.AppProtocols.Of(Protocol.Tcp)}, which Linkerd does not read: Linkerd detects the protocol there (a protocol whose server speaks first waits for the detection timeout). appProtocol {AppProtocols.Of(Protocol.Tcp)}, or the Service annotation {LinkerdAnnotations.OpaquePorts}, makes Linkerd proxy it opaquely; it reads back as tcp either way.");
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

    /// <summary>The services and ports the importer reads from <paramref name="written"/>: route parents (HTTP, gRPC, TCP) in order, then Servers, each matched to its service by its <c>app</c> label as the importer does without the Services.</summary>
    private static ModelBuilder ReadBack(IEnumerable<object> written)
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
            if (server.Spec.PodSelector?.MatchLabels?.GetValueOrDefault(MeshService.DefaultSelectorKey) is { } name && server.Spec.Port is int port)
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
