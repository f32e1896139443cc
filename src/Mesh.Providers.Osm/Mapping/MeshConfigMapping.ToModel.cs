using System.Text.Json;
using System.Text.Json.Nodes;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Osm.Resources;
using Mesh.Providers.Osm.Translation;

namespace Mesh.Providers.Osm.Mapping;

/// <summary>
/// A MeshConfig → what the model holds of it: a mesh-wide strict mTLS policy when it is annotated <see cref="OsmAnnotations.Mtls"/>
/// (OSM always uses mTLS, so nothing else says the model had one), and <c>traffic.enablePermissiveTrafficPolicyMode</c>, which
/// decides whether the TrafficTargets are enforced (<see cref="ReportPermissiveMode"/>). The feature flags of Retry and Egress policies
/// are what the export derives; every other setting is the mesh installation's, outside the model, and reported.
/// </summary>
internal static partial class MeshConfigMapping
{
    /// <summary>The annotation the import reads.</summary>
    public static readonly IReadOnlySet<string> Carried = new HashSet<string>(StringComparer.Ordinal) { OsmAnnotations.Mtls };

    /// <summary>
    /// The mTLS policies, the mesh-wide outbound policy (<c>traffic.enableEgress: false</c> is registry only) and the permissive
    /// traffic policy mode of the input's MeshConfigs (null when none says).
    /// </summary>
    public static (List<MtlsPolicy> Mtls, List<OutboundPolicy> Outbound, bool? Permissive, string? Source) ToModel(ImportIndex index, ImportContext ctx)
    {
        var mtls = new List<MtlsPolicy>();
        var outbound = new List<OutboundPolicy>();
        bool? egress = null;
        bool? permissive = null;
        string? at = null;
        foreach (var doc in index.MeshConfigs)
        {
            ctx.ReportMetadata(doc.Resource.Metadata, doc.Source, Carried);
            if (OsmAnnotations.Get(doc.Resource.Metadata, OsmAnnotations.Mtls) is { } mode)
            {
                if (mode == OsmAnnotations.StrictMtls && mtls.Count == 0) mtls.Add(new MtlsPolicy { Scope = MtlsScope.Mesh, Mode = MtlsMode.Strict });
                else if (mode != OsmAnnotations.StrictMtls) ctx.NotImported(doc.Source, "$.metadata.annotations" + JsonPaths.Segment(OsmAnnotations.Mtls), $"'{mode}' is not an mTLS mode OSM has (it is always strict); it is not imported.");
            }
            if (doc.Resource.Spec is not { } spec) continue;
            if (spec.Traffic?.EnableEgress is { } allow)
            {
                if (egress is { } first && first != allow)
                {
                    ctx.NotImported(doc.Source, "$.spec.traffic.enableEgress", $"Another MeshConfig of the input sets it to {(first ? "true" : "false")}, which is kept.");
                }
                else if (egress is null)
                {
                    egress = allow;
                    if (!allow) outbound.Add(new OutboundPolicy { Mode = OutboundMode.RegistryOnly });
                    else ctx.NotImportedInfo(doc.Source, "$.spec.traffic.enableEgress", "Egress on lets workloads reach any host: what the model does without a registry-only outbound policy, so no policy is kept for it.");
                }
            }
            if (spec.Traffic?.EnablePermissiveTrafficPolicyMode is { } value)
            {
                if (permissive is { } earlier && earlier != value)
                {
                    ctx.NotImported(doc.Source, "$.spec.traffic.enablePermissiveTrafficPolicyMode", $"Another MeshConfig of the input sets it to {(earlier ? "true" : "false")}, which is kept.");
                }
                else if (permissive is null)
                {
                    permissive = value;
                    at = doc.Source;
                }
            }
            ReportSettings(doc, spec, ctx);
        }
        return (mtls, outbound, permissive, at);
    }

    /// <summary>
    /// Whether OSM enforces the access policies imported: with permissive traffic policy mode on it ignores TrafficTargets (the model
    /// enforces them); with it off and no TrafficTarget it denies every call (the model, without access policies, allows them).
    /// </summary>
    public static void ReportPermissiveMode(bool? permissive, string? source, bool hasAccessPolicies, ImportContext ctx)
    {
        if (permissive is not { } mode || source is null) return;
        const string Path = "$.spec.traffic.enablePermissiveTrafficPolicyMode";
        if (mode && hasAccessPolicies)
        {
            ctx.NotImported(source, Path, "Permissive traffic policy mode is on, so OSM does not enforce the TrafficTargets of the input; the model enforces the access policies imported from them.");
        }
        else if (!mode && !hasAccessPolicies)
        {
            ctx.NotImported(source, Path, "Permissive traffic policy mode is off and no TrafficTarget allows any call, so OSM denies every call between meshed services; the model, without access policies, allows them.");
        }
        else
        {
            ImportNotes.Note(ctx, source, Path, mode ? "Permissive mode: the model has no access policy, so every call is allowed." : "Not permissive: OSM allows what the TrafficTargets allow, as the model's access policies do.");
        }
    }

    /// <summary>Reports the settings of <paramref name="spec"/> the model does not hold (the feature flags the export derives as information).</summary>
    private static void ReportSettings(ImportDocument<OsmMeshConfig> doc, MeshConfigSpec spec, ImportContext ctx)
    {
        if (JsonSerializer.SerializeToNode(spec, OsmCatalog.Instance.JsonOptions.GetTypeInfo(typeof(MeshConfigSpec))) is not JsonObject fields) return;
        foreach (var (key, value) in fields)
        {
            if (value is null) continue;
            var path = "$.spec" + JsonPaths.Segment(key);
            if (key is "traffic" or "featureFlags" && value is JsonObject inner)
            {
                foreach (var (field, setting) in inner)
                {
                    if (setting is null || (key == "traffic" && field is "enablePermissiveTrafficPolicyMode" or "enableEgress")) continue;
                    if (key == "featureFlags" && field is "enableRetryPolicy" or "enableEgressPolicy")
                    {
                        ctx.NotImportedInfo(doc.Source, path + JsonPaths.Segment(field), "The model's retries and external services need no flag: the export sets it whenever it writes a Retry or an Egress.");
                        continue;
                    }
                    ctx.OutOfScope(doc.Source, path + JsonPaths.Segment(field), "A setting of the mesh installation, outside the model.");
                }
                continue;
            }
            ctx.OutOfScope(doc.Source, path, "A setting of the mesh installation, outside the model.");
        }
    }
}
