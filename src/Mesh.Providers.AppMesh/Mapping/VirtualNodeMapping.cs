using System.Globalization;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.AppMesh.Resources;
using Mesh.Providers.AppMesh.Translation;

namespace Mesh.Providers.AppMesh.Mapping;

/// <summary>
/// Virtual nodes (see <see cref="NodePlan"/> for which exist): pod selector = the service's selector ∪ the subset's labels;
/// discovery by DNS (the node's Service: the service's own or the subset's leaf Service) or AWS Cloud Map (the service's name,
/// a subset selected by its labels as instance attributes); a listener per port carrying the destination policy's limits and
/// outlier detection and the effective mTLS mode; the virtual services the node may call as backends. A subset node is
/// annotated like the kit's leaf Service (<see cref="LeafServiceLabels.SubsetOf"/>, <see cref="LeafServiceLabels.ParentSelector"/>)
/// so the import rebuilds the exact selector and subset name.
/// </summary>
internal static partial class VirtualNodeMapping
{
    public static VirtualNode ToAppMesh(PlannedNode node, IReadOnlyList<ServiceRef> virtualServices, bool anyEncrypted, AppMeshExportContext ctx)
    {
        var service = node.Service;
        var policy = DestinationPolicyMapping.For(node, ctx.Config);
        var resource = new VirtualNode
        {
            Metadata = { Name = node.Name, NamespaceProperty = node.Namespace },
            Spec =
            {
                PodSelector = service is null ? null : new AppMeshLabelSelector { MatchLabels = Lists.SortedOrNull(service.WorkloadLabels(node.Subset?.Name) ?? service.EffectiveSelector) },
                Listeners = Lists.OrNull(node.Ports.Select((port, k) => Listener(node, port, k, policy, ctx))),
                ServiceDiscovery = Discovery(node, ctx),
                Backends = service is null ? null : Lists.OrNull(Backends(node, virtualServices, ctx)),
                BackendDefaults = TlsMapping.ClientDefaults(node, anyEncrypted, ctx),
            },
        };
        if (service is not null && node.Subset is { } subset)
        {
            resource.Metadata.Annotations = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [LeafServiceLabels.SubsetOf] = $"{service.Name}/{subset.Name}",
                [LeafServiceLabels.ParentSelector] = LeafServiceLabels.FormatSelector(service.EffectiveSelector),
            };
        }
        return resource;
    }

    private static VirtualNodeListener Listener(PlannedNode node, ServicePort port, int k, (DestinationPolicy Policy, int Index)? policy, AppMeshExportContext ctx)
    {
        var path = $"{node.Path}.ports[{k}]";
        var protocol = ListenerProtocols.Of(port.Protocol);
        if (port.Protocol == Protocol.Tls)
        {
            ctx.ApproximatedOnce($"{path}.protocol", "App Mesh listeners speak http, http2, grpc or tcp: the TLS port is written as a tcp listener (TLS passes through; there is no SNI routing).");
        }
        if (node.Service is not null)
        {
            var target = port.EffectiveTargetPort;
            if (target.Name is { } named)
            {
                ctx.ApproximatedOnce($"{path}.targetPort", $"App Mesh's Envoy forwards to the port callers use: the named target port '{named}' is not written, so the pods must listen on {port.Port}.");
            }
            else if (target.Number != port.Port)
            {
                ctx.ApproximatedOnce($"{path}.targetPort", string.Create(CultureInfo.InvariantCulture, $"App Mesh's Envoy forwards to the port callers use: target port {target.Number} is not written, so the pods must listen on {port.Port}."));
            }
        }
        var listener = new VirtualNodeListener
        {
            PortMapping = new PortMapping { Port = port.Port, Protocol = protocol },
            Tls = TlsMapping.Listener(node, port, ctx),
        };
        if (policy is { } p)
        {
            var policyPath = $"$.spec.destinationPolicies[{p.Index}]";
            if (p.Policy.ConnectionPool is { } pool) listener.ConnectionPool = ConnectionPoolMapping.ToAppMesh(pool, protocol, port.Port, $"{policyPath}.connectionPool", ctx);
            if (p.Policy.OutlierDetection is { } outlier) listener.OutlierDetection = OutlierDetectionMapping.ToAppMesh(outlier);
        }
        return listener;
    }

    private static ServiceDiscovery Discovery(PlannedNode node, AppMeshExportContext ctx)
    {
        if (node.Service is { } service && ctx.Options.Discovery == AppMeshDiscovery.CloudMap)
        {
            if (ctx.Options.CloudMapNamespace is { } cloudMap)
            {
                return new ServiceDiscovery
                {
                    AwsCloudMap = new AwsCloudMapServiceDiscovery
                    {
                        NamespaceName = cloudMap,
                        ServiceName = service.Name,
                        Attributes = node.Subset is { } subset
                            ? Lists.OrNull(subset.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => new AwsCloudMapInstanceAttribute { Key = l.Key, Value = l.Value }))
                            : null,
                    },
                };
            }
            ctx.UnsupportedOnce("$.spec.services", "Cloud Map discovery needs AppMeshOptions.CloudMapNamespace, which is not set: virtual nodes are discovered by DNS (their Kubernetes Services) instead.");
        }
        var host = node.Host ?? ctx.Fqdn(new ServiceRef(node.Name, node.Namespace));
        return new ServiceDiscovery { Dns = new DnsServiceDiscovery { Hostname = host } };
    }

    /// <summary>
    /// Every other virtual service of the export (the node's own service's excepted), sorted by namespace and name, less those
    /// whose ALLOW access policies name only namespaces other than the node's (<see cref="AccessPolicyMapping.Allows"/>).
    /// </summary>
    private static IEnumerable<Backend> Backends(PlannedNode node, IReadOnlyList<ServiceRef> virtualServices, AppMeshExportContext ctx)
    {
        foreach (var vs in virtualServices)
        {
            if (vs == node.Owner || !AccessPolicyMapping.Allows(ctx.Config, vs, node.Namespace)) continue;
            yield return new Backend
            {
                VirtualService = new VirtualServiceBackend
                {
                    VirtualServiceRef = new AppMeshReference { Name = vs.Name, Namespace = vs.Namespace == node.Namespace ? null : vs.Namespace },
                },
            };
        }
    }
}
