using Mesh.Providers.AppMesh.Resources;
using Mesh.Providers.AppMesh.Translation;

namespace Mesh.Providers.AppMesh.Mapping;

/// <summary>
/// The <c>Mesh</c>: named <see cref="AppMeshOptions.MeshName"/> or the model's name, owning the namespaces labelled
/// <c>mesh: &lt;name&gt;</c>; its egress filter is <c>DROP_ALL</c> when the model lists external services (only they may be called).
/// </summary>
internal static partial class MeshMapping
{
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
}
