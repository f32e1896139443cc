using System.Globalization;
using Mesh.Collections;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Istio.Resources;
using Mesh.Providers.Istio.Translation;

namespace Mesh.Providers.Istio.Mapping;

/// <summary>
/// Telemetry policies ↔ <c>Telemetry</c> resources (<c>telemetry.istio.io/v1</c>): the mesh-wide one in the root namespace,
/// a namespace's without a selector, selected workloads' with one; named <c>default</c>, or after the selector's values as
/// mTLS policies are (<c>telemetry-…</c>). Access logging is one <c>accessLogging</c> entry (<c>disabled</c>), tracing one
/// <c>tracing</c> entry (<c>randomSamplingPercentage</c>, <c>customTags</c>), both for every provider and mode.
/// </summary>
internal static class TelemetryMapping
{
    public static IEnumerable<Telemetry> ToIstio(MeshConfig config, IstioExportContext ctx)
    {
        var root = ctx.Options.RootNamespace;
        var names = new HashSet<(string, string)>();
        var result = new List<Telemetry>();
        for (var i = 0; i < config.Telemetry.Count; i++)
        {
            var policy = config.Telemetry[i];
            var path = $"$.spec.telemetry[{i}]";
            if (policy.Namespace == root && policy.Workload.IsEmpty)
            {
                if (config.Telemetry.Any(t => t.Namespace is null))
                {
                    ctx.Unsupported($"{path}.namespace", $"A Telemetry without a selector in Istio's root namespace '{root}' is the mesh-wide one, which the model's mesh-wide policy takes; this namespace's own policy is not written.");
                    continue;
                }
                ctx.Approximated($"{path}.namespace", $"A Telemetry without a selector in Istio's root namespace '{root}' applies to the whole mesh, not only to '{root}'.");
            }
            var name = policy.Workload.IsEmpty ? "default" : MtlsMapping.WorkloadName(policy.Workload).Replace("mtls", "telemetry", StringComparison.Ordinal);
            var ns = policy.Namespace ?? root;
            if (!names.Add((ns, name))) name = $"{name}-{MtlsMapping.Hash(policy.Workload.ToString())}";
            var tracing = policy.Tracing;
            result.Add(Ownership.From(new Telemetry
            {
                Metadata = { Name = name, NamespaceProperty = ns },
                Spec =
                {
                    Selector = policy.Workload.IsEmpty ? null : new WorkloadSelector { MatchLabels = Lists.OrNull(policy.Workload) },
                    AccessLogging = policy.AccessLogging is { } on ? [new TelemetryAccessLogging { Disabled = !on }] : null,
                    Tracing = tracing is null ? null :
                    [
                        new TelemetryTracing
                        {
                            RandomSamplingPercentage = tracing.SamplingPercentage,
                            CustomTags = tracing.CustomTags.IsEmpty ? null : tracing.CustomTags.ToDictionary(t => t.Name, Tag, StringComparer.Ordinal),
                        },
                    ],
                },
            }, ModelObjectNames.Of(policy)));
        }
        return result.OrderBy(t => t.Metadata.NamespaceProperty, StringComparer.Ordinal).ThenBy(t => t.Metadata.Name, StringComparer.Ordinal);
    }

    private static TelemetryCustomTag? Tag(TracingTag tag) => tag.Source switch
    {
        TracingTagSource.Header => new TelemetryCustomTag { Header = new TelemetryTagSource { Name = tag.Value, DefaultValue = tag.Default } },
        TracingTagSource.Environment => new TelemetryCustomTag { Environment = new TelemetryTagSource { Name = tag.Value, DefaultValue = tag.Default } },
        _ => new TelemetryCustomTag { Literal = new TelemetryTagValue { Value = tag.Value } },
    };

    /// <summary>Istio → model: one telemetry policy per Telemetry; a second entry of accessLogging or tracing is reported.</summary>
    public static void ToModel(Telemetry telemetry, string ns, string source, ModelBuilder model, IstioImportContext ctx)
    {
        var spec = telemetry.Spec;
        var labels = (spec?.Selector?.MatchLabels ?? []).Where(e => e.Value is not null).ToEquatableMap();
        if (spec?.Selector is not null && labels.IsEmpty) ctx.NotImportedInfo(source, "$.spec.selector", "An empty selector selects every workload of the namespace.");
        var scope = labels.IsEmpty && ns == ctx.Options.RootNamespace ? null : ns;
        bool? accessLogging = null;
        for (var i = 0; i < (spec?.AccessLogging?.Count ?? 0); i++)
        {
            if (i > 0)
            {
                ctx.NotImported(source, $"$.spec.accessLogging[{i}]", "The model has one access logging switch per scope; only the first entry was imported.");
                continue;
            }
            accessLogging = spec!.AccessLogging![i] is { Disabled: true } ? false : true;
        }
        TracingSettings? tracing = null;
        for (var i = 0; i < (spec?.Tracing?.Count ?? 0); i++)
        {
            if (i > 0)
            {
                ctx.NotImported(source, $"$.spec.tracing[{i}]", "The model has one tracing setting per scope; only the first entry was imported.");
                continue;
            }
            var entry = spec!.Tracing![i];
            var path = $"$.spec.tracing[{i}]";
            if (entry?.RandomSamplingPercentage is { } p and (< 0 or > 100))
            {
                ctx.Invalid(source, $"{path}.randomSamplingPercentage", $"A sampling percentage is between 0 and 100, not {p.ToString(CultureInfo.InvariantCulture)}.");
                return;
            }
            var tags = new List<TracingTag>();
            foreach (var (name, tag) in entry?.CustomTags ?? [])
            {
                var at = $"{path}.customTags{JsonPaths.Segment(name)}";
                var forms = (tag?.Literal is null ? 0 : 1) + (tag?.Header is null ? 0 : 1) + (tag?.Environment is null ? 0 : 1);
                if (forms != 1)
                {
                    ctx.Invalid(source, at, "A custom tag is exactly one of literal, header and environment.");
                    return;
                }
                tags.Add(tag!.Literal is { } literal
                    ? new TracingTag { Name = name, Source = TracingTagSource.Literal, Value = literal.Value ?? string.Empty }
                    : tag.Header is { } header
                        ? new TracingTag { Name = name, Source = TracingTagSource.Header, Value = header.Name ?? string.Empty, Default = header.DefaultValue }
                        : new TracingTag { Name = name, Source = TracingTagSource.Environment, Value = tag.Environment!.Name ?? string.Empty, Default = tag.Environment.DefaultValue });
            }
            tracing = new TracingSettings { SamplingPercentage = entry?.RandomSamplingPercentage, CustomTags = [.. tags] };
        }
        if (model.Telemetry.Any(t => t.Namespace == scope && t.Workload == labels))
        {
            ctx.NotImported(source, "$.spec", "A second Telemetry for the same workloads: Istio applies one, and which is undefined; the first read was kept.");
            return;
        }
        model.Telemetry.Add(new TelemetryPolicy { Namespace = scope, Workload = labels, AccessLogging = accessLogging, Tracing = tracing });
    }
}
