using System.Globalization;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Linkerd.Mapping;
using Mesh.Providers.Linkerd.Resources;

namespace Mesh.Providers.Linkerd.Import;

/// <summary>
/// Core <c>v1</c> Services → the ports of model services, and the numbers of Servers' container port names.
/// <list type="bullet">
/// <item>Each TCP port of a Service becomes a port of the model service of the Service's name and namespace, with its name and a
/// protocol: from <c>appProtocol</c> (<see cref="AppProtocols"/>), else opaque TCP on the Service's
/// <c>config.linkerd.io/opaque-ports</c> (or Linkerd's default opaque ports without that annotation), else HTTP, which Linkerd
/// detects. A Service port is the weakest source of a protocol: a route or Server naming the same port decides it (as TCPRoute
/// parents yield to HTTP ones). UDP and SCTP ports are reported.</item>
/// <item>A Server whose port is a container port name is matched with the Services of its namespace whose selector has the
/// same <see cref="LinkerdOptions.WorkloadLabel"/> value as the Server's pod selector: the Service port whose <c>targetPort</c>
/// is that name, or, when none is, the Service port of that name without a named <c>targetPort</c>. Its number is the Server's
/// port; two different numbers are reported as ambiguous, not guessed.</item>
/// </list>
/// This provider does not write Services, so what only a Service says (port names, protocols, ports no route or Server names)
/// is not written back; each port read gets an info saying so.
/// </summary>
internal sealed class ServiceImporter(LinkerdOptions options, ImportContext ctx)
{
    private sealed record Port(int Index, string? Name, int Number, object? TargetPort, Protocol Protocol, string Why, bool Explicit);

    private sealed record Read(string Namespace, string Name, string Source, string? Workload, List<Port> Ports)
    {
        public ServiceRef Reference => new(Name, Namespace);
    }

    private readonly SortedDictionary<(string Namespace, string Name), Read> _services = new(OrdinalKeyComparer.Instance);

    /// <summary>The annotations of a Service that are read (others are reported).</summary>
    public static IReadOnlySet<string> CarriedAnnotations { get; } = new HashSet<string>(FailureAccrualImporter.Carried, StringComparer.Ordinal) { LinkerdAnnotations.OpaquePorts };

    /// <summary>Reads the ports and selector of <paramref name="service"/>.</summary>
    public void Add(CoreService service, string name, string ns, string source)
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
        var ports = new List<Port>();
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
            if (portName is not null && !IsDnsLabel(portName))
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
            ports.Add(new Port(k, portName, number, target, protocol, why, isExplicit));
        }
        _services[(ns, name)] = new Read(ns, name, source, workload, ports);
    }

    /// <summary>
    /// The number of container port <paramref name="portName"/> of the <paramref name="workload"/> pods for a Server of
    /// <paramref name="source"/>, through a Service of <paramref name="ns"/>; null (reported at the Server's <c>$.spec</c>)
    /// when no Service port leads to it or two lead to different numbers.
    /// </summary>
    public int? ResolveServerPort(string ns, string workload, string portName, string source)
    {
        var byTarget = Candidates(ns, workload, p => p.TargetPort is string t && t == portName);
        var matches = byTarget.Count > 0 ? byTarget : Candidates(ns, workload, p => p.Name == portName && p.TargetPort is not string);
        if (matches.Count == 0)
        {
            ctx.NotImported(source, "$.spec", $"Port '{portName}' is a container port name, which the model's service ports (numbers) cannot hold, and no Service in the input selects the '{options.WorkloadLabel}: {workload}' pods with a port whose targetPort (or, without a named targetPort, whose name) is '{portName}'; the Server and its policies are not imported. Include the workload's Service in the input to resolve the name.");
            return null;
        }
        if (matches.Select(m => m.Port.Number).Distinct().Count() > 1)
        {
            var list = string.Join(", ", matches.Select(m => $"port {m.Port.Number} of Service '{m.Service.Namespace}/{m.Service.Name}'"));
            ctx.NotImported(source, "$.spec", $"Container port name '{portName}' is ambiguous: {list} lead to it; the Server and its policies are not imported rather than read with a guessed number.");
            return null;
        }
        var (service, port) = matches[0];
        var via = $"Service '{service.Namespace}/{service.Name}' port {port.Number}";
        if (byTarget.Count > 0)
        {
            ctx.NotImported(source, "$.spec.port", $"Container port name '{portName}' is resolved through {via} (targetPort {portName}): the Server is read as port {port.Number}. Written back, its port is the number {port.Number}, which Linkerd matches against the container's ports: right only if container port '{portName}' is {port.Number}.");
        }
        else if (port.TargetPort is int target && target != port.Number)
        {
            ctx.NotImported(source, "$.spec.port", $"Container port name '{portName}' is resolved through {via}, of the same name, which targets container port {target}: the Server is read as port {port.Number}. Written back, its port is the number {port.Number}, which Linkerd matches against the container's ports, not {target}.");
        }
        else
        {
            ctx.NotImportedInfo(source, "$.spec.port", $"Container port name '{portName}' is resolved through {via}, of the same name, which targets container port {port.Number} (taken to be the port of that name): the Server is read, and written back, as port {port.Number}.");
        }
        return port.Number;
    }

    private List<(Read Service, Port Port)> Candidates(string ns, string workload, Func<Port, bool> match) =>
        [.. _services.Values.Where(s => s.Namespace == ns && s.Workload == workload).SelectMany(s => s.Ports.Where(match).Select(p => (s, p)))];

    /// <summary>The model with every Service port read added to its service (a port already there keeps its protocol and takes the Service port's name).</summary>
    public MeshConfig Merge(MeshConfig config)
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

    private static bool IsDnsLabel(string name) =>
        name.Length is > 0 and <= 63 && char.IsAsciiLetterOrDigit(name[0]) && char.IsAsciiLetterOrDigit(name[^1])
        && name.All(c => c == '-' || char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c));
}
