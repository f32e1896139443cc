using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.AppMesh.Resources;
using Mesh.Providers.AppMesh.Translation;

namespace Mesh.Providers.AppMesh.Mapping;

/// <summary>
/// Virtual services: one per service, named after it, <c>awsName</c> its cluster FQDN, provided by its virtual router when it
/// has one (a route host or a service with subsets), else by its one virtual node; one per external service, <c>awsName</c>
/// the host its node resolves, provided by that node.
/// </summary>
internal static partial class VirtualServiceMapping
{
    // Model → App Mesh.
    public static VirtualService ToAppMesh(MeshService service, bool routed, AppMeshExportContext ctx) => new()
    {
        Metadata = { Name = service.Name, NamespaceProperty = service.Namespace },
        Spec =
        {
            AwsName = ctx.Fqdn(service.Reference),
            // A service with subsets has no node of its own: without a router (reported) it has no provider.
            Provider = routed ? new VirtualServiceProvider { VirtualRouter = new VirtualRouterServiceProvider { VirtualRouterRef = new AppMeshReference { Name = service.Name } } }
                : service.Subsets.IsEmpty ? NodeProvider(service.Name)
                : null,
        },
    };

    public static VirtualService ToAppMesh(PlannedNode external) => new()
    {
        Metadata = { Name = external.Name, NamespaceProperty = external.Namespace },
        Spec = { AwsName = external.Host, Provider = NodeProvider(external.Name) },
    };

    private static VirtualServiceProvider NodeProvider(string node) =>
        new() { VirtualNode = new VirtualNodeServiceProvider { VirtualNodeRef = new AppMeshReference { Name = node } } };

    // App Mesh → model.
    public static ServiceProvision? ToModel(
        ImportDocument<VirtualService> vs,
        IReadOnlyDictionary<ResourceKey, ImportDocument<VirtualRouter>> routers,
        IReadOnlyDictionary<ResourceKey, NodeInfo> nodes,
        string domain,
        ImportContext ctx)
    {
        var (source, spec) = (vs.Source, vs.Resource.Spec);
        if (spec.MeshRef is not null) ctx.NotImportedInfo(source, "$.spec.meshRef", "The mesh reference is set by the App Mesh controller.");
        if (spec.Provider is not { } provider || (provider.VirtualRouter is null && provider.VirtualNode is null))
        {
            ctx.NotImported(source, "$.spec", "The virtual service has no provider, so App Mesh routes nothing for it; it was skipped.");
            return null;
        }
        if (provider.VirtualRouter is not null && provider.VirtualNode is not null)
        {
            ctx.Invalid(source, "$.spec.provider", "A virtual service has either a virtualRouter or a virtualNode provider, not both.");
            return null;
        }
        if (provider.VirtualRouter is { } viaRouter)
        {
            if (Resolve(viaRouter.VirtualRouterRef, viaRouter.VirtualRouterArn, vs, "$.spec.provider.virtualRouter", "virtualRouterRef", "virtualRouterARN", "router", ctx) is not { } key) return null;
            if (!routers.TryGetValue(key, out var router))
            {
                ctx.NotImported(source, "$.spec.provider.virtualRouter.virtualRouterRef.name", $"Virtual router {key} is not in the input; the virtual service was skipped.");
                return null;
            }
            return new ServiceProvision(vs, HostOf(vs, domain, ctx), router, null, false);
        }
        var viaNode = provider.VirtualNode!;
        if (Resolve(viaNode.VirtualNodeRef, viaNode.VirtualNodeArn, vs, "$.spec.provider.virtualNode", "virtualNodeRef", "virtualNodeARN", "node", ctx) is not { } nodeKey) return null;
        if (!nodes.TryGetValue(nodeKey, out var node))
        {
            ctx.NotImported(source, "$.spec.provider.virtualNode.virtualNodeRef.name", $"Virtual node {nodeKey} is not in the input; the virtual service was skipped.");
            return null;
        }
        // A node selecting no pods stands for endpoints without Envoy (outside the mesh, found by DNS): an external service.
        if (IsExternal(node.DnsHostname, domain) || (node.Labels is not { IsEmpty: false } && node.DnsHostname is not null))
        {
            if (spec.AwsName is not null && !string.Equals(spec.AwsName, node.DnsHostname, StringComparison.OrdinalIgnoreCase))
            {
                ctx.NotImported(source, "$.spec.awsName", $"Callers address this external service as '{spec.AwsName}', but its node resolves '{node.DnsHostname}'; the model's external service has the node's host.");
            }
            return new ServiceProvision(vs, new ServiceRef(vs.Name, vs.Namespace), null, node, true);
        }
        return new ServiceProvision(vs, HostOf(vs, domain, ctx), null, node, false);
    }

    /// <summary>Whether a node's DNS hostname is outside the cluster (not <c>*.svc.&lt;domain&gt;</c>).</summary>
    public static bool IsExternal(string? hostname, string domain) =>
        hostname is not null && !hostname.EndsWith(".svc." + domain, StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses <c>name.ns.svc.&lt;domain&gt;</c> or <c>name.ns</c>.</summary>
    public static bool TryParseHost(string? host, string domain, out ServiceRef service)
    {
        service = default;
        if (string.IsNullOrEmpty(host)) return false;
        var suffix = ".svc." + domain;
        var text = host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) ? host[..^suffix.Length] : host;
        return ServiceRef.TryParse(text, out service) && service.Name.Length > 0;
    }

    private static ServiceRef HostOf(ImportDocument<VirtualService> vs, string domain, ImportContext ctx)
    {
        var awsName = vs.Resource.Spec.AwsName;
        if (awsName is null) return new ServiceRef(vs.Name, vs.Namespace);
        if (TryParseHost(awsName, domain, out var host)) return host;
        ctx.NotImported(vs.Source, "$.spec.awsName", $"'{awsName}' is not a Service name (name.namespace.svc.{domain}); the host is the virtual service's own name, {vs.Name}.{vs.Namespace}.");
        return new ServiceRef(vs.Name, vs.Namespace);
    }

    private static ResourceKey? Resolve(AppMeshReference? reference, string? arn, ImportDocument<VirtualService> vs, string path, string refField, string arnField, string what, ImportContext ctx)
    {
        if (reference is null)
        {
            if (arn is not null) ctx.NotImported(vs.Source, $"{path}.{arnField}", $"A {what} named by ARN lives outside the input; the virtual service was skipped.");
            else ctx.Invalid(vs.Source, path, $"The provider names no virtual {what}.");
            return null;
        }
        if (arn is not null) ctx.NotImportedInfo(vs.Source, $"{path}.{arnField}", "The ARN is the controller's; the reference is read.");
        if (string.IsNullOrEmpty(reference.Name))
        {
            ctx.Invalid(vs.Source, $"{path}.{refField}.name", $"The reference names no virtual {what}.");
            return null;
        }
        return new ResourceKey(string.IsNullOrEmpty(reference.Namespace) ? vs.Namespace : reference.Namespace, reference.Name);
    }
}
