using k8s.Models;
using Mesh.Collections;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Validation;
using Mesh.Providers.Linkerd.Resources;

namespace Mesh.Providers.Linkerd.Mapping;

/// <summary>
/// External services whose endpoints are enrolled in the mesh ↔ Linkerd's mesh expansion: an <c>ExternalWorkload</c> per
/// enrolled endpoint and a Service selecting them.
/// <para>
/// Linkerd reaches a workload outside the cluster that runs its proxy as it reaches a pod: through a Service whose selector
/// matches the workload's labels, with mTLS to the workload's identity. Written, for an external service with at least one
/// endpoint that has a <see cref="ExternalEndpoint.ServiceAccount"/>: per such endpoint with an IP address, an
/// ExternalWorkload named <c>&lt;service&gt;-&lt;address&gt;</c> with the endpoint's labels plus <see cref="ServiceLabel"/>, the
/// service account's identity as <c>meshTls.identity</c> and <c>serverName</c>, the address, and each port of the service by
/// name (the endpoint's own number where it has one); and a Service of the external service's name selecting
/// <see cref="ServiceLabel"/>, its ports targeting the workloads' ports by name. Callers reach it by that Service's name,
/// so the hosts are approximated; addresses, endpoints without a service account and host-name endpoints are reported.
/// Such a service takes no EgressNetwork: its traffic stays in the mesh.
/// </para>
/// <para>
/// Read: every ExternalWorkload; after the import, a model service whose selector matches ExternalWorkloads of its namespace
/// becomes an external service with static resolution, the host <c>&lt;name&gt;.&lt;namespace&gt;.svc.cluster.local</c>, the
/// Service's ports, and an endpoint per matching workload (its address, the labels other than the selector's, a port where
/// the workload's differs from the Service's, and the service account of its identity). A workload no Service selects, a
/// second address, UDP ports and identities that are not a service account of the workload's namespace are reported.
/// </para>
/// </summary>
internal sealed class ExternalWorkloadMapping(LinkerdOptions options, ImportContext ctx)
{
    /// <summary>The label that binds the written ExternalWorkloads to their external service's Service.</summary>
    public const string ServiceLabel = "mesh-sdk.io/external-service";

    private readonly List<Entry> _workloads = [];

    /// <summary>An ExternalWorkload read: its address (null when it has none usable), ports by name, labels, service account and source.</summary>
    private sealed record Entry(string Name, string Namespace, string Source, string? Address, Dictionary<string, int> Ports, EquatableMap<string> Labels, string? ServiceAccount)
    {
        public bool Selected { get; set; }
    }

    /// <summary>Whether an external service is written as ExternalWorkloads: it has an endpoint enrolled in the mesh.</summary>
    public static bool IsEnrolled(ExternalService? external) => external is not null && external.Endpoints.Any(e => e?.ServiceAccount is not null);

    /// <summary>Model → Linkerd: the Services, then the ExternalWorkloads, of the enrolled external services.</summary>
    public static IReadOnlyList<object> ToLinkerd(MeshConfig config, LinkerdOptions options, ExportContext ctx)
    {
        var services = new List<object>();
        var workloads = new List<object>();
        for (var i = 0; i < config.ExternalServices.Count; i++)
        {
            var external = config.ExternalServices[i];
            if (!IsEnrolled(external)) continue;
            var path = $"$.spec.externalServices[{i}]";
            var names = new HashSet<string>(StringComparer.Ordinal);
            var written = new List<object>();
            for (var j = 0; j < external.Endpoints.Count; j++)
            {
                var endpoint = external.Endpoints[j];
                var at = $"{path}.endpoints[{j}]";
                if (endpoint.ServiceAccount is null)
                {
                    ctx.Unsupported(at, $"Endpoint {endpoint.Address} is not enrolled in the mesh (it has no serviceAccount), and Linkerd's Service for '{external.Name}' reaches only ExternalWorkloads: it is not written.");
                    continue;
                }
                if (!IpAddresses.IsIpAddress(endpoint.Address))
                {
                    ctx.Unsupported($"{at}.address", $"An ExternalWorkload is reached on an IP address, and '{endpoint.Address}' is a host name: the endpoint is not written.");
                    continue;
                }
                if (endpoint.Labels.TryGetValue(ServiceLabel, out var bound) && bound != external.Name)
                {
                    ctx.Unsupported($"{at}.labels", $"Label {ServiceLabel} binds the ExternalWorkload to its service's Service, so it is written as '{external.Name}' instead of '{bound}'.");
                }
                written.Add(Workload(external, endpoint, UniqueName(external.Name, endpoint.Address, names), options));
            }
            if (written.Count == 0) continue;
            if (external.Hosts is not [var only] || !string.Equals(only, ServiceHost(external.Name, external.Namespace), StringComparison.OrdinalIgnoreCase)) ctx.Approximated($"{path}.hosts", $"Linkerd reaches workloads outside the cluster through a Service whose endpoints are their ExternalWorkloads: callers call {external.Name}.{external.Namespace}.svc.cluster.local, and the hosts ({string.Join(", ", external.Hosts)}) are not written.");
            if (!external.Addresses.IsEmpty)
            {
                ctx.Unsupported($"{path}.addresses", "Only the endpoints enrolled in the mesh are written (ExternalWorkloads behind the service's Service); the addresses are not.");
            }
            services.Add(Service(external));
            workloads.AddRange(written);
        }
        return [.. services, .. workloads];
    }

    /// <summary>The host name callers reach an enrolled external service by: its Service's.</summary>
    private static string ServiceHost(string name, string ns) => $"{name}.{ns}.svc.cluster.local";

    /// <summary>The Service that selects an enrolled external service's ExternalWorkloads, its ports targeting theirs by name.</summary>
    private static CoreService Service(ExternalService external)
    {
        var service = new MeshService
        {
            Name = external.Name,
            Namespace = external.Namespace,
            Selector = new EquatableMap<string>([new(ServiceLabel, external.Name)]),
            Ports = [.. external.Ports.Select(p => p with { Name = p.EffectiveName, TargetPort = TargetPort.Named(p.EffectiveName) })],
        };
        var written = CoreServiceWriter.Service(service, AppProtocols.Written);
        // The Service is the external service's, not a model service's.
        written.Metadata.Annotations![Ownership.SourceAnnotation] = ModelObjectNames.Of(external);
        return written;
    }

    private static ExternalWorkload Workload(ExternalService external, ExternalEndpoint endpoint, string name, LinkerdOptions options)
    {
        var identity = LinkerdIdentity.Of(new ServiceAccountRef(external.Namespace, endpoint.ServiceAccount!), options.TrustDomain);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in endpoint.Labels) labels[key] = value;
        labels[ServiceLabel] = external.Name;
        var workload = new ExternalWorkload
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = external.Namespace, Labels = labels },
            Spec = new ExternalWorkloadSpec
            {
                MeshTls = new ExternalWorkloadMeshTls { Identity = identity, ServerName = identity },
                WorkloadIps = [new ExternalWorkloadIp { Ip = endpoint.Address }],
                Ports = [.. external.Ports.Select(p => new ExternalWorkloadPort
                {
                    Name = p.EffectiveName,
                    Port = endpoint.Ports.TryGetValue(p.EffectiveName, out var own) ? own : p.Port,
                })],
            },
        };
        return Ownership.From(workload, ModelObjectNames.Of(external));
    }

    /// <summary><c>&lt;service&gt;-&lt;address&gt;</c> with the address's dots and colons as dashes, made unique with a number.</summary>
    private static string UniqueName(string service, string address, HashSet<string> taken)
    {
        var name = $"{service}-{address.ToLowerInvariant().Replace('.', '-').Replace(':', '-')}".TrimEnd('-');
        if (name.Length > KubernetesNames.MaxLabelLength) name = name[..KubernetesNames.MaxLabelLength].TrimEnd('-');
        var unique = name;
        for (var n = 2; !taken.Add(unique); n++) unique = $"{name}-{n}";
        return unique;
    }

    /// <summary>Linkerd → model: reads an ExternalWorkload (its labels are read, its other metadata reported).</summary>
    public void Read(ExternalWorkload workload, string name, string ns, string source)
    {
        if (name.Length == 0) return;
        var spec = workload.Spec;
        string? address = null;
        var ips = spec?.WorkloadIps ?? [];
        if (ips.Count == 0 || ips[0]?.Ip is not { } ip || !IpAddresses.IsIpAddress(ip))
        {
            ctx.NotImported(source, "$.spec.workloadIPs", "The ExternalWorkload has no valid IP address: it is reached on nothing and was not imported.");
        }
        else
        {
            address = ip;
            for (var k = 1; k < ips.Count; k++) ctx.NotImported(source, $"$.spec.workloadIPs[{k}]", "Linkerd takes one address per ExternalWorkload; this one was not imported.");
        }
        var ports = new Dictionary<string, int>(StringComparer.Ordinal);
        var list = spec?.Ports ?? [];
        for (var k = 0; k < list.Count; k++)
        {
            var port = list[k];
            if (port is null) continue;
            var at = $"$.spec.ports[{k}]";
            if (port.Protocol is { } protocol && !string.Equals(protocol, "TCP", StringComparison.Ordinal))
            {
                ctx.NotImported(source, $"{at}.protocol", $"Protocol {protocol} is not in the model (it carries TCP ports); the port was not imported.");
                continue;
            }
            if (port.Name is not { Length: > 0 } portName || port.Port is not { } number || number is < 1 or > 65535)
            {
                ctx.NotImported(source, at, "A port without a name or with a number outside 1–65535 cannot be targeted by a Service's port; it was not imported.");
                continue;
            }
            ports.TryAdd(portName, number);
        }
        string? account = null;
        var meshTls = spec?.MeshTls ?? spec?.MeshTlsV1Alpha1;
        var tlsPath = spec?.MeshTls is null && spec?.MeshTlsV1Alpha1 is not null ? "$.spec.meshTls" : "$.spec.meshTLS";
        var identity = meshTls?.Identity;
        if (identity is not null)
        {
            var (parsed, _) = LinkerdIdentity.Parse(identity, options.TrustDomain);
            if (parsed is { } sa && sa.Namespace == ns && DnsNames.IsDnsLabel(sa.Name)) account = sa.Name;
            else ctx.NotImported(source, tlsPath + ".identity", $"Identity '{identity}' is not a service account of namespace '{ns}' in trust domain {options.TrustDomain}; the endpoint is read without an identity.");
        }
        if (meshTls?.ServerName is { } serverName && serverName != identity)
        {
            ctx.NotImported(source, tlsPath + ".serverName", $"The model's endpoints answer to their identity's name; server name '{serverName}' was not imported.");
        }
        // The ownership label marks what Mesh SDK wrote (Ownership); it is not one of the endpoint's labels.
        var all = (workload.Metadata?.Labels ?? new Dictionary<string, string>()).Where(l => !(l.Key == Ownership.ManagedByLabel && l.Value == Ownership.ManagedByValue)).ToList();
        var labels = all.Where(l => l.Value is not null && KubernetesNames.IsLabelKey(l.Key) && KubernetesNames.IsLabelValue(l.Value)).ToEquatableMap();
        if (labels.Count != all.Count) ctx.NotImported(source, "$.metadata.labels", "Labels that are not valid Kubernetes labels were not imported.");
        _workloads.Add(new Entry(name, ns, source, address, ports, labels, account));
    }

    /// <summary>
    /// Turns every service of <paramref name="config"/> whose selector matches ExternalWorkloads read into an external service
    /// with those workloads as endpoints; reports the workloads no service selects.
    /// </summary>
    public MeshConfig ToModel(MeshConfig config)
    {
        if (_workloads.Count == 0) return config;
        var services = new List<MeshService>();
        var externals = new List<ExternalService>();
        foreach (var service in config.Services)
        {
            var selected = service.Selector.IsEmpty ? [] : _workloads.Where(w => w.Namespace == service.Namespace && w.Address is not null && service.Selector.All(l => w.Labels.TryGetValue(l.Key, out var v) && v == l.Value)).ToList();
            if (selected.Count == 0)
            {
                services.Add(service);
                continue;
            }
            foreach (var w in selected) w.Selected = true;
            externals.Add(External(service, selected));
        }
        foreach (var w in _workloads.Where(w => !w.Selected && w.Address is not null))
        {
            ctx.NotImported(w.Source, "$.metadata.labels", $"No Service of namespace '{w.Namespace}' selects ExternalWorkload '{w.Name}', so nothing reaches it; it was not imported.");
        }
        return externals.Count == 0 ? config : config with { Services = [.. services], ExternalServices = [.. config.ExternalServices, .. externals] };
    }

    private static ExternalService External(MeshService service, List<Entry> selected)
    {
        var endpoints = new List<ExternalEndpoint>();
        foreach (var w in selected)
        {
            var ports = new List<KeyValuePair<string, int>>();
            foreach (var port in service.Ports)
            {
                // The Service's port reaches the workload's port of the name it targets (or its own name, or its number).
                var target = port.TargetPort?.Name ?? port.EffectiveName;
                if (w.Ports.TryGetValue(target, out var number))
                {
                    if (number != port.Port) ports.Add(new(port.EffectiveName, number));
                }
                else if (port.TargetPort?.Number is { } targetNumber && targetNumber != port.Port)
                {
                    ports.Add(new(port.EffectiveName, targetNumber));
                }
            }
            var labels = w.Labels.Where(l => !service.Selector.ContainsKey(l.Key)).ToEquatableMap();
            endpoints.Add(new ExternalEndpoint { Address = w.Address!, Ports = [.. ports], Labels = labels, ServiceAccount = w.ServiceAccount });
        }
        return new ExternalService
        {
            Name = service.Name,
            Namespace = service.Namespace,
            Hosts = [ServiceHost(service.Name, service.Namespace)],
            Ports = [.. service.Ports.Select(p => p with { TargetPort = null })],
            Resolution = Resolution.Static,
            Endpoints = [.. endpoints],
            Subsets = service.Subsets,
        };
    }
}
