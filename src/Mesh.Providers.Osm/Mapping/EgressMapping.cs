using Mesh.Kubernetes;
using System.Globalization;
using System.Net;
using k8s.Models;
using Mesh.Model;
using Mesh.Providers.Osm.Resources;
using Mesh.Providers.Osm.Translation;

namespace Mesh.Providers.Osm.Mapping;

/// <summary>
/// External services → OSM <c>Egress</c> policies, one per external service, of its name and namespace: its hosts, its addresses
/// as IPv4 CIDRs and its ports with OSM's protocol (<c>http</c>, <c>https</c> for TLS, <c>tcp</c>). An Egress lets out the
/// workloads of its source accounts: the accounts of the model's services (<see cref="Identities.Callers"/>).
/// </summary>
internal static partial class EgressMapping
{
    public static List<Egress> ToOsm(OsmExportContext ctx)
    {
        var egresses = new List<Egress>();
        var callers = Identities.Callers(ctx.Config);
        var callerList = Identities.Describe(callers);
        var externals = ctx.Config.ExternalServices;
        for (var i = 0; i < externals.Count; i++)
        {
            var external = externals[i];
            var path = $"$.spec.externalServices[{i}]";
            if (callers.Count == 0)
            {
                ctx.Unsupported(path, "An Egress names the service accounts it lets out: the model has no service to call from, so none is written.");
                continue;
            }
            if (external.Ports.IsEmpty)
            {
                ctx.Unsupported($"{path}.ports", "An Egress needs ports: this external service declares none and is not written.");
                continue;
            }
            ctx.Note(path, ctx.Message("An Egress lets out the workloads of its source accounts: written for the accounts of the model's services ({0}, each named after its service); callers outside the model are not let out.", callerList));
            if (external.Resolution != Resolution.Dns)
            {
                ctx.Approximated($"{path}.resolution", "OSM forwards egress traffic to the address the caller resolved: it has no static or passthrough resolution of its own.");
            }
            var ports = new List<EgressPort>();
            for (var k = 0; k < external.Ports.Count; k++)
            {
                var port = external.Ports[k];
                var portPath = $"{path}.ports[{k.ToString(CultureInfo.InvariantCulture)}]";
                if (port.Protocol is Protocol.Http2 or Protocol.Grpc)
                {
                    ctx.Approximated($"{portPath}.protocol", "OSM's egress ports are http, https or tcp: an HTTP/2 or gRPC port is written http.");
                }
                if (port.Protocol == Protocol.Tcp && external.Addresses.IsEmpty)
                {
                    ctx.Approximated(portPath, "OSM matches a TCP egress port by address, not host: without addresses the Egress lets the sources out on this port to any destination.");
                }
                ports.Add(new EgressPort { Number = port.Port, Protocol = ProtocolOf(port.Protocol) });
            }
            var addresses = new List<string>();
            for (var k = 0; k < external.Addresses.Count; k++)
            {
                if (Cidr(external.Addresses[k]) is { } cidr) addresses.Add(cidr);
                else ctx.Unsupported($"{path}.addresses[{k.ToString(CultureInfo.InvariantCulture)}]", "Egress ipAddresses are IPv4 CIDRs: this address is not written.");
            }
            egresses.Add(Ownership.From(new Egress
            {
                Metadata = new V1ObjectMeta { Name = external.Name, NamespaceProperty = external.Namespace },
                Spec = new EgressSpec
                {
                    Sources = [.. callers.Select(Identities.Account)],
                    Hosts = Lists.OrNull(external.Hosts),
                    IpAddresses = Lists.OrNull(addresses),
                    Ports = ports,
                },
            }, ModelObjectNames.Of(external)));
        }
        if (egresses.Count > 0)
        {
            ctx.EgressWritten = true;
            ctx.Note("$.spec.externalServices", ctx.Options.WriteMeshConfig
                ? "OSM applies Egress policies only with featureFlags.enableEgressPolicy: the MeshConfig written sets it (and traffic.enableEgress, which lets every host out, from the model's outbound mode)."
                : "OSM applies Egress policies only with featureFlags.enableEgressPolicy: set it in the MeshConfig (WriteMeshConfig is off).");
        }
        return egresses;
    }

    private static string ProtocolOf(Protocol protocol) => protocol switch
    {
        Protocol.Tls => "https",
        Protocol.Tcp => "tcp",
        _ => "http",
    };

    /// <summary>An IPv4 address or CIDR as a CIDR, or null for IPv6.</summary>
    private static string? Cidr(string address)
    {
        var slash = address.IndexOf('/', StringComparison.Ordinal);
        var ip = slash < 0 ? address : address[..slash];
        if (!IPAddress.TryParse(ip, out var parsed) || parsed.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork) return null;
        return slash < 0 ? $"{address}/32" : address;
    }
}
