using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Istio.Resources;

namespace Mesh.Providers.Istio.Export;

/// <summary>External services → <c>ServiceEntry</c>s (<c>MESH_EXTERNAL</c>, the default location).</summary>
internal static class EgressExporter
{
    public static IEnumerable<ServiceEntry> ServiceEntries(MeshConfig config, IstioExportContext ctx)
    {
        var result = new List<ServiceEntry>();
        for (var i = 0; i < config.ExternalServices.Count; i++)
        {
            var external = config.ExternalServices[i];
            var path = $"$.spec.externalServices[{i}]";
            var spec = new ServiceEntrySpec
            {
                Hosts = Lists.OrNull(external.Hosts),
                Ports = Lists.OrNull(external.Ports.Select(p => new Resources.ServicePort { Number = p.Port, Name = p.EffectiveName, Protocol = Protocol(p.Protocol) })),
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
                    break;
                default:
                    spec.Addresses = Lists.OrNull(external.Addresses);
                    break;
            }
            result.Add(new ServiceEntry { Metadata = { Name = external.Name, NamespaceProperty = external.Namespace }, Spec = spec });
        }
        return result.OrderBy(p => p.Metadata.NamespaceProperty, StringComparer.Ordinal).ThenBy(p => p.Metadata.Name, StringComparer.Ordinal);
    }

    private static string Protocol(Protocol protocol) => protocol switch
    {
        Model.Protocol.Http => "HTTP",
        Model.Protocol.Http2 => "HTTP2",
        Model.Protocol.Grpc => "GRPC",
        Model.Protocol.Tls => "TLS",
        _ => "TCP",
    };
}
