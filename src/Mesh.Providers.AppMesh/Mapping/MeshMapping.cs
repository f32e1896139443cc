using Mesh.Kubernetes;
using Mesh.Providers.AppMesh.Resources;
using Mesh.Providers.AppMesh.Translation;

namespace Mesh.Providers.AppMesh.Mapping;

/// <summary>
/// The <c>Mesh</c>: <c>egressFilter DROP_ALL</c> is what the model means (only declared external services are reachable) and is
/// carried implicitly; <c>ALLOW_ALL</c> cannot be said and is reported; the namespace selector, owner, AWS name and service
/// discovery are App Mesh settings the export derives from its options.
/// </summary>
internal static partial class MeshMapping
{
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
