using Mesh.Kubernetes;
using Mesh.Model;
using k8s.Models;
using Mesh.Providers.Osm.Resources;
using Mesh.Providers.Osm.Translation;

namespace Mesh.Providers.Osm.Mapping;

/// <summary>
/// The mesh-wide settings the model decides, as a partial <c>MeshConfig</c> (<c>config.openservicemesh.io/v1alpha2</c>, the
/// installed object's name and namespace from <see cref="OsmOptions"/>) holding only them, to merge into the installed one:
/// <c>traffic.enablePermissiveTrafficPolicyMode</c> — on when the model has no allow policy (it then lets every caller in), off
/// otherwise —, <c>traffic.enableEgress</c> — off for a mesh-wide registry-only outbound policy, on otherwise, written out because
/// OSM installs with egress off and the model's default is to allow any host —, and the feature flags the Retry and Egress
/// policies written need.
/// </summary>
internal static partial class MeshConfigMapping
{
    public static OsmMeshConfig? ToOsm(OsmExportContext ctx, bool meshStrict)
    {
        var config = ctx.Config;
        if (config.Services.IsEmpty && config.Routes.IsEmpty && config.TcpRoutes.IsEmpty && config.DestinationPolicies.IsEmpty
            && config.Mtls.IsEmpty && config.AccessPolicies.IsEmpty && config.ExternalServices.IsEmpty && config.Outbound.IsEmpty)
        {
            return null;
        }
        var permissive = !config.AccessPolicies.Any(p => p.Action == Model.AccessAction.Allow);
        var egress = ctx.MeshWideOutbound("OSM", "MeshConfig.spec.traffic.enableEgress") != Model.OutboundMode.RegistryOnly;
        if (!ctx.Options.WriteMeshConfig)
        {
            ctx.Note("$", $"WriteMeshConfig is off: set traffic.enablePermissiveTrafficPolicyMode to {(permissive ? "true" : "false")} in the MeshConfig, as the model {(permissive ? "has no allow policy" : "has allow policies")}, and traffic.enableEgress to {(egress ? "true, as the model lets workloads reach any host" : "false, as the model's outbound policy is registry only")}.");
            return null;
        }
        ctx.Note("$", "The MeshConfig written holds only the settings the model decides: merge it into the installed one (kubectl apply or kubectl patch --type merge), do not replace it.");
        // The MeshConfig holds the mesh-wide settings: permissive mode (the access policies), egress (the outbound policies), mTLS.
        return Ownership.From(new OsmMeshConfig
        {
            Metadata = new V1ObjectMeta
            {
                Name = ctx.Options.MeshConfigName,
                NamespaceProperty = ctx.Options.MeshConfigNamespace,
                Annotations = meshStrict ? new Dictionary<string, string>(StringComparer.Ordinal) { [OsmAnnotations.Mtls] = OsmAnnotations.StrictMtls } : null,
            },
            Spec = new MeshConfigSpec
            {
                Traffic = new TrafficSpec { EnableEgress = egress, EnablePermissiveTrafficPolicyMode = permissive },
                FeatureFlags = ctx.RetriesWritten || ctx.EgressWritten
                    ? new FeatureFlags { EnableRetryPolicy = ctx.RetriesWritten ? true : null, EnableEgressPolicy = ctx.EgressWritten ? true : null }
                    : null,
            },
        }, [ModelObjectNames.Of(config), .. config.Outbound.Where(o => o.Namespace is null).Select(ModelObjectNames.Of), .. config.Mtls.Where(m => m.Scope?.Namespace is null).Select(ModelObjectNames.Of)]);
    }
}
