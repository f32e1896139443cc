using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.AppMesh.Translation;

namespace Mesh.Providers.AppMesh.Mapping;

/// <summary>
/// External services: App Mesh reaches a host outside the mesh through a virtual node that discovers it by DNS and a virtual
/// service named after the host (written by <see cref="VirtualNodeMapping"/> and <see cref="VirtualServiceMapping"/>), with the
/// Mesh's egress filter at <c>DROP_ALL</c> (<see cref="MeshMapping"/>). One DNS host per external service: further hosts,
/// wildcards (DNS cannot resolve them), static addresses and passthrough are reported.
/// </summary>
internal static partial class EgressMapping
{
    // Model → App Mesh.
    /// <summary>The external services that can be written, as nodes, in model order; everything else is reported.</summary>
    public static IReadOnlyList<PlannedNode> ToAppMesh(MeshConfig config, AppMeshExportContext ctx)
    {
        var nodes = new List<PlannedNode>();
        for (var i = 0; i < config.ExternalServices.Count; i++)
        {
            var external = config.ExternalServices[i];
            var path = $"$.spec.externalServices[{i}]";
            string? host = null;
            for (var h = 0; h < external.Hosts.Count; h++)
            {
                var name = external.Hosts[h];
                if (name.Contains('*', StringComparison.Ordinal))
                {
                    ctx.Unsupported($"{path}.hosts[{h}]", $"App Mesh discovers an external service's endpoints by DNS, which cannot resolve the wildcard '{name}': the host is not written.");
                }
                else if (host is null)
                {
                    host = name;
                }
                else
                {
                    ctx.Unsupported($"{path}.hosts[{h}]", $"An App Mesh virtual service stands for one host: '{name}' is not written (the external service is written for '{host}').");
                }
            }
            var how = host is null ? "the external service is not written" : $"the virtual node discovers '{host}' by DNS";
            switch (external.Resolution)
            {
                case Resolution.Static:
                    ctx.Unsupported($"{path}.resolution", $"App Mesh discovers endpoints by DNS or Cloud Map, not static addresses: {how}.");
                    break;
                case Resolution.None:
                    ctx.Unsupported($"{path}.resolution", $"App Mesh resolves a virtual node's endpoints itself; passthrough is not expressible: {how}.");
                    break;
            }
            if (!external.Addresses.IsEmpty)
            {
                ctx.Unsupported($"{path}.addresses", $"App Mesh discovers endpoints by DNS or Cloud Map; the addresses are not written ({how}).");
            }
            if (host is null)
            {
                ctx.Unsupported(path, "The external service has no host DNS can resolve: no virtual node or virtual service is written for it.");
                continue;
            }
            if (external.Ports.IsEmpty)
            {
                ctx.Unsupported($"{path}.ports", "App Mesh forwards to an external service on its listeners' ports: an external service without ports is not written.");
                continue;
            }
            nodes.Add(new PlannedNode(external.Name, external.Namespace, i, External: external, Host: host));
        }
        return nodes;
    }

    // App Mesh → model.
    public static ExternalService ToModel(ServiceProvision provision, ImportContext ctx)
    {
        var node = provision.Node!;
        if (node.Labels is { IsEmpty: false }) ctx.NotImported(node.Document.Source, "$.spec.podSelector", "A node for an external host selects no pods in the model; the selector was not imported.");
        return new ExternalService
        {
            Name = provision.Document.Name,
            Namespace = provision.Document.Namespace,
            Hosts = [node.DnsHostname!],
            Ports = [.. node.Listeners.Select(l => new ServicePort { Port = l.Port, Protocol = l.Protocol })],
            Resolution = Resolution.Dns,
        };
    }
}
