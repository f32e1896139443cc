using Mesh.Kubernetes;
using Mesh.Providers.AppMesh.Resources;
using Mesh.Providers.AppMesh.Translation;

namespace Mesh.Providers.AppMesh.Mapping;

/// <summary>
/// The <c>Mesh</c>: named <see cref="AppMeshOptions.MeshName"/> or the model's name, owning the namespaces labelled
/// <c>mesh: &lt;name&gt;</c>; its egress filter is <c>DROP_ALL</c> when the model lists external services (only they may be called).
/// </summary>
internal static partial class MeshMapping
{
    // Model → App Mesh.
    /// <summary>The namespace label key the Mesh's <c>namespaceSelector</c> matches.</summary>
    public const string NamespaceLabel = "mesh";

    public const string DropAll = "DROP_ALL";

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
                EgressFilter = ctx.Config.ExternalServices.IsEmpty ? null : new EgressFilter { Type = DropAll },
            },
        };
    }

    // App Mesh → model.
    public static void ToModel(ImportDocument<AppMeshMesh> mesh, ImportContext ctx)
    {
        var (source, spec) = (mesh.Source, mesh.Resource.Spec);
        if (spec.NamespaceSelector is not null) ctx.NotImportedInfo(source, "$.spec.namespaceSelector", "Which namespaces join the mesh is set by the export's mesh name (mesh: <name>).");
        if (spec.MeshOwner is not null) ctx.NotImportedInfo(source, "$.spec.meshOwner", "Mesh sharing across AWS accounts is not part of the model.");
        if (spec.AwsName is not null) ctx.NotImportedInfo(source, "$.spec.awsName", "The App Mesh name of the mesh is not part of the model.");
        if (spec.MeshServiceDiscovery is not null) ctx.NotImportedInfo(source, "$.spec.meshServiceDiscovery", "The IP preference of service discovery is not part of the model.");
        switch (spec.EgressFilter?.Type)
        {
            case null or "DROP_ALL":
                break;
            case "ALLOW_ALL":
                ctx.NotImported(source, "$.spec.egressFilter.type", "ALLOW_ALL lets workloads reach any host; the model reaches only the external services it declares.");
                break;
            default:
                ctx.Invalid(source, "$.spec.egressFilter.type", $"Unknown egress filter '{spec.EgressFilter.Type}' (App Mesh takes ALLOW_ALL or DROP_ALL).");
                break;
        }
    }
}
