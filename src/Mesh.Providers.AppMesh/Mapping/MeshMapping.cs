using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.AppMesh.Resources;
using Mesh.Providers.AppMesh.Translation;

namespace Mesh.Providers.AppMesh.Mapping;

/// <summary>
/// The <c>Mesh</c>: named <see cref="AppMeshOptions.MeshName"/> or the model's name, owning the namespaces labelled
/// <c>mesh: &lt;name&gt;</c>; its egress filter is the model's mesh-wide outbound mode: registry only (only the mesh's nodes and
/// the external services' may be called) is App Mesh's default, <c>DROP_ALL</c>, and writes no filter; otherwise
/// <c>ALLOW_ALL</c>, since the model's default is to allow any host.
/// </summary>
internal static partial class MeshMapping
{
    // Model → App Mesh.
    /// <summary>The namespace label key the Mesh's <c>namespaceSelector</c> matches.</summary>
    public const string NamespaceLabel = "mesh";

    public const string DropAll = "DROP_ALL";

    public const string AllowAll = "ALLOW_ALL";

    public static AppMeshMesh ToAppMesh(AppMeshExportContext ctx)
    {
        var name = ctx.Options.MeshName ?? ctx.Config.Name;
        ctx.Note("$.metadata.name", $"App Mesh applies the mesh '{name}' to the namespaces labelled '{NamespaceLabel}: {name}' (and injects Envoy where the controller's sidecar injector is enabled): label each namespace of the model.");
        return new AppMeshMesh
        {
            Metadata = { Name = name },
            Spec =
            {
                NamespaceSelector = new AppMeshLabelSelector { MatchLabels = new Dictionary<string, string>(StringComparer.Ordinal) { [NamespaceLabel] = name } },
                EgressFilter = ctx.MeshWideOutbound("App Mesh", "Mesh.spec.egressFilter") == OutboundMode.RegistryOnly ? null : new EgressFilter { Type = AllowAll },
            },
        };
    }

    // App Mesh → model.
    /// <summary>App Mesh → model: the Mesh's settings; its egress filter is the mesh-wide outbound policy (null when it allows all).</summary>
    public static OutboundPolicy? ToModel(ImportDocument<AppMeshMesh> mesh, ImportContext ctx)
    {
        var (source, spec) = (mesh.Source, mesh.Resource.Spec);
        if (spec.NamespaceSelector is not null) ctx.NotImportedInfo(source, "$.spec.namespaceSelector", "Which namespaces join the mesh is set by the export's mesh name (mesh: <name>).");
        if (spec.MeshOwner is not null) ctx.NotImportedInfo(source, "$.spec.meshOwner", "Mesh sharing across AWS accounts is not part of the model.");
        if (spec.AwsName is not null) ctx.NotImportedInfo(source, "$.spec.awsName", "The App Mesh name of the mesh is not part of the model.");
        if (spec.MeshServiceDiscovery is not null) ctx.NotImportedInfo(source, "$.spec.meshServiceDiscovery", "The IP preference of service discovery is not part of the model.");
        switch (spec.EgressFilter?.Type)
        {
            case null:
                ctx.NotImportedInfo(source, "$.spec.egressFilter", "Without an egress filter App Mesh drops calls to hosts outside the mesh (DROP_ALL): read as a mesh-wide registryOnly outbound policy.");
                return new OutboundPolicy { Mode = OutboundMode.RegistryOnly };
            case DropAll:
                ctx.NotImportedInfo(source, "$.spec.egressFilter.type", "DROP_ALL is read as a mesh-wide registryOnly outbound policy; being App Mesh's default, it is written back as no egress filter.");
                return new OutboundPolicy { Mode = OutboundMode.RegistryOnly };
            case AllowAll:
                ctx.NotImportedInfo(source, "$.spec.egressFilter.type", "ALLOW_ALL lets workloads reach any host: what the model does without a registry-only outbound policy, so no policy is kept for it.");
                return null;
            default:
                ctx.Invalid(source, "$.spec.egressFilter.type", $"Unknown egress filter '{spec.EgressFilter.Type}' (App Mesh takes ALLOW_ALL or DROP_ALL).");
                return null;
        }
    }
}
