using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.GatewayApi.Export;
using Mesh.Providers.Linkerd.Mapping;
using Mesh.Providers.Linkerd.Resources;

namespace Mesh.Providers.Linkerd.Export;

/// <summary>
/// External services → <c>EgressNetwork</c>s. Linkerd's egress is by network: the service's addresses become the
/// networks (a single address as a <c>/32</c> or <c>/128</c>) with traffic policy <c>Allow</c>. Host names, ports and the
/// resolution have no place in an EgressNetwork (Linkerd matches host names with routes whose parent is the
/// EgressNetwork, and never resolves them itself): they are reported. A service without addresses is not written, since
/// an EgressNetwork without networks stands for every address outside the cluster.
/// </summary>
internal static class EgressExporter
{
    public static IEnumerable<EgressNetwork> Export(MeshConfig config, ExportContext ctx)
    {
        var result = new SortedDictionary<(string Namespace, string Name), EgressNetwork>(OrdinalKeyComparer.Instance);
        for (var i = 0; i < config.ExternalServices.Count; i++)
        {
            var external = config.ExternalServices[i];
            var path = $"$.spec.externalServices[{i}]";
            if (external.Addresses.IsEmpty)
            {
                ctx.Unsupported($"{path}.hosts", "Linkerd's egress is by network and this external service has no addresses: an EgressNetwork without networks would stand for every address outside the cluster, so it is not written (match the hosts with routes whose parent is an EgressNetwork).");
                continue;
            }
            if (result.ContainsKey((external.Namespace, external.Name)))
            {
                ctx.Unsupported(path, $"Another external service is already written as '{external.Namespace}/{external.Name}'; this one is not written.");
                continue;
            }
            ctx.Approximated($"{path}.hosts", $"An EgressNetwork has no host names: the network of {string.Join(", ", external.Addresses)} stands for {string.Join(", ", external.Hosts)}; read back, the external service's host is its name.");
            if (!external.Ports.IsEmpty) ctx.Approximated($"{path}.ports", "An EgressNetwork covers every port of its networks (ports are the parentRef ports of routes attached to it); the ports are not written.");
            if (external.Resolution != Resolution.Static) ctx.Approximated($"{path}.resolution", "Linkerd forwards egress traffic to the address the client connected to; the resolution is not written (it reads back as static).");
            result[(external.Namespace, external.Name)] = new EgressNetwork
            {
                Metadata = { Name = external.Name, NamespaceProperty = external.Namespace },
                Spec =
                {
                    TrafficPolicy = "Allow",
                    Networks = [.. external.Addresses.Select(a => new Network { Cidr = Cidrs.Of(a) })],
                },
            };
        }
        return result.Values;
    }
}
