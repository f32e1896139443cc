using Mesh.Model;
using Mesh.Providers.Osm.Translation;

namespace Mesh.Providers.Osm.Mapping;

/// <summary>
/// mTLS policies: OSM always uses mutual TLS between meshed pods, mesh-wide. A mesh-wide strict policy is what OSM does (the
/// MeshConfig carries <see cref="OsmAnnotations.Mtls"/> so that it reads back); a narrower strict one is met by the whole mesh;
/// permissive and disabled modes cannot be had.
/// </summary>
internal static partial class MtlsMapping
{
    /// <summary>Whether the model has a mesh-wide strict policy.</summary>
    public static bool Report(OsmExportContext ctx)
    {
        var meshStrict = false;
        var policies = ctx.Config.Mtls;
        for (var i = 0; i < policies.Count; i++)
        {
            var policy = policies[i];
            var path = $"$.spec.mtls[{i}]";
            if (policy.Mode != MtlsMode.Strict)
            {
                ctx.Unsupported($"{path}.mode", "OSM always uses mTLS between meshed pods: it has no permissive or disabled TLS mode.");
            }
            else if (policy.Scope.Kind == MtlsScopeKind.Mesh)
            {
                meshStrict = true;
            }
            else
            {
                ctx.Approximated($"{path}.scope", "OSM's mTLS is mesh-wide and always strict: nothing is written for a narrower scope, which the whole mesh meets.");
            }
        }
        return meshStrict;
    }
}
