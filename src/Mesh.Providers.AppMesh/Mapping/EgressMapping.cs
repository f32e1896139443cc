using Mesh.Kubernetes;
using Mesh.Model;

namespace Mesh.Providers.AppMesh.Mapping;

/// <summary>
/// External services: a virtual service whose provider is a node found by a DNS name outside the cluster becomes an external
/// service named after the virtual service, its one host the node's hostname and its ports the node's listeners.
/// </summary>
internal static partial class EgressMapping
{
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
