using Mesh.Kubernetes;
using Mesh.Collections;
using Mesh.Model;
using Mesh.Providers.Istio.Resources;
using Mesh.Providers.Istio.Translation;
using Mesh.Validation;

namespace Mesh.Providers.Istio.Mapping;

/// <summary>
/// External services ↔ <c>ServiceEntry</c>s (<c>MESH_EXTERNAL</c>, the default location, left out): hosts, ports with their
/// protocol, resolution (NONE left out), addresses; with STATIC resolution the addresses are the endpoints.
/// </summary>
internal static class EgressMapping
{
    public static IEnumerable<ServiceEntry> ToIstio(MeshConfig config, IstioExportContext ctx)
    {
        var result = new List<ServiceEntry>();
        for (var i = 0; i < config.ExternalServices.Count; i++)
        {
            var external = config.ExternalServices[i];
            var path = $"$.spec.externalServices[{i}]";
            var spec = new ServiceEntrySpec
            {
                Hosts = Lists.OrNull(external.Hosts),
                Ports = Lists.OrNull(external.Ports, p => new Resources.ServicePort { Number = p.Port, Name = p.EffectiveName, Protocol = ProtocolToIstio(p.Protocol) }),
                // Location and resolution are left out at Istio's defaults (MESH_EXTERNAL, NONE).
                Resolution = external.Resolution switch
                {
                    Resolution.Static => "STATIC",
                    Resolution.None => null,
                    _ => "DNS",
                },
            };
            switch (external.Resolution)
            {
                case Resolution.Static:
                    var endpoints = new List<WorkloadEntry>();
                    for (var k = 0; k < external.Addresses.Count; k++)
                    {
                        var address = external.Addresses[k];
                        if (address.Contains('/', StringComparison.Ordinal))
                        {
                            ctx.Unsupported($"{path}.addresses[{k}]", "A static ServiceEntry endpoint is one address; a CIDR block is not written.");
                            continue;
                        }
                        endpoints.Add(new WorkloadEntry { Address = address });
                    }
                    endpoints.AddRange(external.Endpoints.Select(Endpoint));
                    spec.Endpoints = Lists.OrNull(endpoints);
                    break;
                case Resolution.Dns:
                    var addresses = new List<string>();
                    for (var k = 0; k < external.Addresses.Count; k++)
                    {
                        if (external.Addresses[k].Contains('/', StringComparison.Ordinal))
                        {
                            ctx.Unsupported($"{path}.addresses[{k}]", "Istio allows CIDR addresses only with NONE or STATIC resolution; the block is not written.");
                            continue;
                        }
                        addresses.Add(external.Addresses[k]);
                    }
                    spec.Addresses = Lists.OrNull(addresses);
                    spec.Endpoints = Lists.OrNull(external.Endpoints, Endpoint);
                    break;
                default:
                    spec.Addresses = Lists.OrNull(external.Addresses);
                    break;
            }
            result.Add(Ownership.From(new ServiceEntry { Metadata = { Name = external.Name, NamespaceProperty = external.Namespace }, Spec = spec }, ModelObjectNames.Of(external)));
        }
        return result.OrderBy(p => p.Metadata.NamespaceProperty, StringComparer.Ordinal).ThenBy(p => p.Metadata.Name, StringComparer.Ordinal);
    }

    private static WorkloadEntry Endpoint(ExternalEndpoint endpoint) => new()
    {
        Address = endpoint.Address,
        Ports = endpoint.Ports.IsEmpty ? null : endpoint.Ports.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
        Labels = endpoint.Labels.IsEmpty ? null : endpoint.Labels.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
        ServiceAccount = endpoint.ServiceAccount,
    };

    private static string ProtocolToIstio(Protocol protocol) => protocol switch
    {
        Model.Protocol.Http => "HTTP",
        Model.Protocol.Http2 => "HTTP2",
        Model.Protocol.Grpc => "GRPC",
        Model.Protocol.Tls => "TLS",
        _ => "TCP",
    };

    public static void ToModel(ServiceEntry se, string ns, string source, ModelBuilder model, IstioImportContext ctx)
    {
        var name = ctx.NameOf(se, source);
        var spec = se.Spec;
        if (spec?.Hosts is not { Count: > 0 })
        {
            ctx.Invalid(source, "$.spec.hosts", "A ServiceEntry needs at least one host.");
            return;
        }
        if (spec.Location == "MESH_INTERNAL")
        {
            ctx.NotImported(source, "$.spec.location", "MESH_INTERNAL entries add workloads to the mesh; the model reads every ServiceEntry as an external service.");
        }
        else if (spec.Location == "MESH_EXTERNAL")
        {
            ctx.NotImportedInfo(source, "$.spec.location", "MESH_EXTERNAL is what an external service means; it is written back as the default (left out).");
        }
        else if (spec.Location is not null)
        {
            ctx.Invalid(source, "$.spec.location", $"'{spec.Location}' is not a location (MESH_EXTERNAL, MESH_INTERNAL).");
        }
        var resolution = Resolution.None;
        switch (spec.Resolution)
        {
            case null:
                break;
            case "NONE":
                ctx.NotImportedInfo(source, "$.spec.resolution", "NONE is Istio's default resolution; it is written back left out.");
                break;
            case "STATIC":
                resolution = Resolution.Static;
                break;
            case "DNS":
                resolution = Resolution.Dns;
                break;
            case "DNS_ROUND_ROBIN" or "DYNAMIC_DNS":
                resolution = Resolution.Dns;
                ctx.NotImported(source, "$.spec.resolution", $"{spec.Resolution} was read as DNS resolution; the distinction is not in the model.");
                break;
            default:
                ctx.Invalid(source, "$.spec.resolution", $"'{spec.Resolution}' is not a resolution (NONE, STATIC, DNS, DNS_ROUND_ROBIN, DYNAMIC_DNS).");
                break;
        }
        var ports = new List<Model.ServicePort>();
        for (var i = 0; i < (spec.Ports?.Count ?? 0); i++)
        {
            if (spec.Ports![i] is not { } port) continue;
            if (port.Number is not { } number)
            {
                ctx.Invalid(source, $"$.spec.ports[{i}].number", "A port needs a number.");
                continue;
            }
            Protocol protocol;
            switch (port.Protocol?.ToUpperInvariant())
            {
                case "HTTP": protocol = Protocol.Http; break;
                case "HTTP2": protocol = Protocol.Http2; break;
                case "GRPC": protocol = Protocol.Grpc; break;
                case "TLS": protocol = Protocol.Tls; break;
                case "TCP": protocol = Protocol.Tcp; break;
                case "HTTPS":
                    protocol = Protocol.Tls;
                    ctx.NotImported(source, $"$.spec.ports[{i}].protocol", "HTTPS was read as TLS (opaque TLS traffic to the host); the model has no HTTPS port protocol.");
                    break;
                default:
                    protocol = Protocol.Tcp;
                    ctx.NotImported(source, $"$.spec.ports[{i}].protocol", $"Protocol '{port.Protocol ?? "(none)"}' was read as TCP.");
                    break;
            }
            ports.Add(new Model.ServicePort { Port = number, Name = port.Name, Protocol = protocol });
        }
        var addresses = new List<string>();
        void Address(string? address, string path)
        {
            if (address is null) return;
            if (IpAddresses.IsIpOrCidr(address)) addresses.Add(address);
            else ctx.NotImported(source, path, $"'{address}' is not an IP address or CIDR block{(address.StartsWith("unix://", StringComparison.Ordinal) ? " (it is a Unix domain socket)" : string.Empty)}, the only addresses the model's external services hold; it was not imported.");
        }
        var endpoints = new List<ExternalEndpoint>();
        if (resolution == Resolution.None)
        {
            for (var i = 0; i < (spec.Addresses?.Count ?? 0); i++) Address(spec.Addresses![i], $"$.spec.addresses[{i}]");
            if (spec.Endpoints is not null) ctx.NotImported(source, "$.spec.endpoints", "With NONE resolution the caller's destination address is used; the endpoints were not imported.");
        }
        else
        {
            if (resolution == Resolution.Static)
            {
                if (spec.Addresses is not null) ctx.NotImported(source, "$.spec.addresses", "With STATIC resolution the model keeps the endpoint addresses; the virtual addresses were not imported.");
            }
            else
            {
                for (var i = 0; i < (spec.Addresses?.Count ?? 0); i++) Address(spec.Addresses![i], $"$.spec.addresses[{i}]");
            }
            var names = new HashSet<string>(ports.Select(p => p.EffectiveName), StringComparer.Ordinal);
            for (var i = 0; i < (spec.Endpoints?.Count ?? 0); i++)
            {
                if (spec.Endpoints![i] is not { } entry) continue;
                if (Endpoint(entry, resolution, names, source, $"$.spec.endpoints[{i}]", ctx) is not { } endpoint) continue;
                // A static endpoint with neither ports, labels nor a service account is just an address.
                if (resolution == Resolution.Static && endpoint.Ports.IsEmpty && endpoint.Labels.IsEmpty && endpoint.ServiceAccount is null) addresses.Add(endpoint.Address);
                else endpoints.Add(endpoint);
            }
        }
        model.ExternalServices.Add(new ExternalService
        {
            Name = name,
            Namespace = ns,
            Hosts = [.. spec.Hosts.Where(h => h is not null)],
            Ports = [.. ports],
            Resolution = resolution,
            Addresses = [.. addresses],
            Endpoints = [.. endpoints],
        });
    }

    /// <summary>A ServiceEntry endpoint: its address (an IP, or with DNS resolution a host name), ports by name and labels; what does not fit is reported.</summary>
    private static ExternalEndpoint? Endpoint(WorkloadEntry entry, Resolution resolution, HashSet<string> portNames, string source, string path, IstioImportContext ctx)
    {
        var address = entry.Address;
        var valid = address is not null && (IpAddresses.IsIpAddress(address) || (resolution == Resolution.Dns && DnsNames.IsHostName(address) && !address.StartsWith('*')));
        if (!valid)
        {
            ctx.NotImported(source, $"{path}.address", $"'{address}' is not an IP address{(resolution == Resolution.Dns ? " or host name" : string.Empty)}{(address?.StartsWith("unix://", StringComparison.Ordinal) == true ? " (it is a Unix domain socket)" : string.Empty)}; the endpoint was not imported.");
            return null;
        }
        var endpointPorts = new List<KeyValuePair<string, int>>();
        foreach (var (name, number) in entry.Ports ?? [])
        {
            if (!portNames.Contains(name) || number is < 1 or > 65535)
            {
                ctx.NotImported(source, $"{path}.ports.{name}", portNames.Contains(name) ? $"Port {number} is outside 1–65535; it was not imported." : $"The ServiceEntry declares no port named '{name}'; the endpoint's port was not imported.");
                continue;
            }
            endpointPorts.Add(new(name, number));
        }
        var labels = (entry.Labels ?? []).Where(l => l.Value is not null && KubernetesNames.IsLabelKey(l.Key) && KubernetesNames.IsLabelValue(l.Value)).ToEquatableMap();
        if (entry.Labels is not null && labels.Count != entry.Labels.Count) ctx.NotImported(source, $"{path}.labels", "Labels that are not valid Kubernetes labels were not imported.");
        var account = entry.ServiceAccount;
        if (account is not null && !DnsNames.IsDnsLabel(account))
        {
            ctx.NotImported(source, $"{path}.serviceAccount", $"'{account}' is not a service account name (a DNS-1123 label); the endpoint is read without an identity.");
            account = null;
        }
        return new ExternalEndpoint { Address = address!, Ports = [.. endpointPorts], Labels = labels, ServiceAccount = account };
    }
}
