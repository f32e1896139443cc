using k8s;
using k8s.Models;
using Mesh.Kubernetes;
using Mesh.Providers.AppMesh.Mapping;
using Mesh.Providers.AppMesh.Resources;
using Mesh.Translation;

namespace Mesh.Providers.AppMesh.Translation;

/// <summary>
/// App Mesh resources → model, in two passes so references resolve across files: first every Mesh, VirtualNode, VirtualRouter,
/// VirtualService and core Service is collected (<see cref="ImportIndex"/>); then <see cref="ModelAssembly"/> resolves
/// VirtualService → router or node → pod selector and builds the model, with VirtualGateways as gateways and their GatewayRoutes
/// as gateway routes. BackendGroups are an allow-list the model derives: they are reported.
/// </summary>
internal static class AppMeshImport
{
    /// <summary>The annotations the import reads: the leaf and implicit-route markers the export writes.</summary>
    public static IReadOnlySet<string> Carried { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        LeafServiceLabels.SubsetOf, LeafServiceLabels.ParentSelector, RouterMapping.ImplicitRoute,
    };

    public static ResourceCatalog Catalog { get; } = new(
        AppMeshResourceTypes.TypeMap,
        new Dictionary<Type, string>
        {
            [typeof(AppMeshMesh)] = AppMeshMesh.KubeGroup + "/" + AppMeshMesh.KubeApiVersion,
            [typeof(VirtualService)] = VirtualService.KubeGroup + "/" + VirtualService.KubeApiVersion,
            [typeof(VirtualRouter)] = VirtualRouter.KubeGroup + "/" + VirtualRouter.KubeApiVersion,
            [typeof(VirtualNode)] = VirtualNode.KubeGroup + "/" + VirtualNode.KubeApiVersion,
            [typeof(VirtualGateway)] = VirtualGateway.KubeGroup + "/" + VirtualGateway.KubeApiVersion,
            [typeof(GatewayRoute)] = GatewayRoute.KubeGroup + "/" + GatewayRoute.KubeApiVersion,
            [typeof(BackendGroup)] = BackendGroup.KubeGroup + "/" + BackendGroup.KubeApiVersion,
            [typeof(CoreService)] = CoreService.KubeApiVersion,
        },
        new HashSet<string>(AppMeshResourceTypes.Groups, StringComparer.Ordinal),
        "an App Mesh resource this provider reads")
    {
        TypeInfoResolver = AppMeshJsonContext.Default,
    };

    public static ImportResult ToModel(IReadOnlyList<(object Resource, string Source)> resources, ImportContext ctx, AppMeshOptions options, ImportOptions? importOptions)
    {
        var index = new ImportIndex();
        new ImportHandlers()
            .On<AppMeshMesh>((r, s) => index.Meshes.Add(Collect(r, s, ctx)))
            .On<VirtualNode>((r, s) => ImportIndex.Add(index.Nodes, Collect(r, s, ctx), ctx))
            .On<VirtualRouter>((r, s) => ImportIndex.Add(index.Routers, Collect(r, s, ctx), ctx))
            .On<VirtualService>((r, s) => ImportIndex.Add(index.VirtualServices, Collect(r, s, ctx), ctx))
            .On<CoreService>((r, s) => ImportIndex.Add(index.Services, ImportDocument.Of(r, s, ctx), ctx))
            .On<VirtualGateway>((r, s) => ImportIndex.Add(index.Gateways, Collect(r, s, ctx), ctx))
            .On<GatewayRoute>((r, s) =>
            {
                ctx.ReportMetadata(WithoutGatewayLabels(r.Metadata), s, Carried);
                ImportIndex.Add(index.GatewayRoutes, ImportDocument.Of(r, s, ctx), ctx);
            })
            .On<BackendGroup>((r, s) =>
            {
                ctx.ReportMetadata(r.Metadata, s, Carried);
                ctx.NotImported(s, "$.spec", "A BackendGroup is an allow-list of the services a node may call, which the model derives on export; it was not imported.");
            })
            .Dispatch(resources, ctx, "an App Mesh resource this provider reads");
        // The model is named after the one Mesh of the input (the export writes the model's name there), else "imported".
        var meshName = index.Meshes.Count == 1 && Validation.DnsNames.IsDnsLabel(index.Meshes[0].Name) ? index.Meshes[0].Name : null;
        var config = new ModelAssembly(index, ctx, options).Build(importOptions?.ModelName ?? meshName ?? "imported");
        return ImportResult.Create(ctx.HasErrors ? new Model.MeshConfig { Name = config.Name } : config.Normalize(), ctx.Diagnostics, importOptions);
    }

    private static ImportDocument<T> Collect<T>(T resource, string source, ImportContext ctx)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ctx.ReportMetadata(resource.Metadata, source, Carried);
        return ImportDocument.Of(resource, source, ctx);
    }

    /// <summary>A gateway route's metadata without the labels its gateway selects it by (read as the binding, not lost).</summary>
    private static V1ObjectMeta? WithoutGatewayLabels(V1ObjectMeta? metadata)
    {
        if (metadata?.Labels is not { } labels || !(labels.ContainsKey(GatewayMapping.GatewayLabel) || labels.ContainsKey(GatewayMapping.GatewayNamespaceLabel))) return metadata;
        var rest = labels.Where(l => l.Key is not (GatewayMapping.GatewayLabel or GatewayMapping.GatewayNamespaceLabel)).ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal);
        return new V1ObjectMeta
        {
            Name = metadata.Name,
            NamespaceProperty = metadata.NamespaceProperty,
            Annotations = metadata.Annotations,
            Labels = rest.Count == 0 ? null : rest,
            Uid = metadata.Uid,
            ResourceVersion = metadata.ResourceVersion,
            Generation = metadata.Generation,
            CreationTimestamp = metadata.CreationTimestamp,
            Finalizers = metadata.Finalizers,
            OwnerReferences = metadata.OwnerReferences,
            ManagedFields = metadata.ManagedFields,
            GenerateName = metadata.GenerateName,
            DeletionTimestamp = metadata.DeletionTimestamp,
            DeletionGracePeriodSeconds = metadata.DeletionGracePeriodSeconds,
        };
    }
}
