using Mesh.Collections;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.AppMesh.Resources;
using Mesh.Providers.AppMesh.Translation;

namespace Mesh.Providers.AppMesh.Mapping;

/// <summary>
/// Telemetry policies' access logging ↔ each service node's <c>logging.accessLog.file.path</c>. A node logs when the
/// narrowest policy that applies to its pods turns logging on (the mesh's, then its namespace's, then those whose workload
/// labels its pod labels hold, in model order), written to <see cref="AppMeshOptions.AccessLogPath"/>; otherwise it has no
/// <c>logging</c>, which is App Mesh's default (no access log). App Mesh has no mesh or namespace setting, so the import folds
/// the nodes back (<see cref="Fold"/>): one mesh-wide policy when every node logs, else one per namespace whose nodes all
/// log, else one per logging node with its pod labels. The export reports each policy that does not read back as itself.
/// Tracing is in the Envoy bootstrap, not in the CRDs: reported.
/// </summary>
internal static class AccessLogMapping
{
    // Model → App Mesh.
    /// <summary>The logging of a service node, or null when its pods write no access log (or for an external service's node).</summary>
    public static Logging? ToAppMesh(PlannedNode node, AppMeshExportContext ctx)
    {
        if (node.Service is null || Effective(node.Namespace, node.Labels, ctx.Config) != true) return null;
        return new Logging { AccessLog = new AccessLog { File = new FileAccessLog { Path = ctx.Options.AccessLogPath } } };
    }

    /// <summary>Reports tracing (not in App Mesh's CRDs) and each access-logging policy the nodes do not read back as itself.</summary>
    public static void Report(AppMeshExportContext ctx)
    {
        var config = ctx.Config;
        if (config.Telemetry.IsEmpty) return;
        var nodes = ctx.Plan.Nodes.Where(n => n.Service is not null).ToList();
        var readBack = Fold(nodes.Select(n => (n.Namespace, n.Labels, Effective(n.Namespace, n.Labels, config) == true))).ToHashSet();
        for (var i = 0; i < config.Telemetry.Count; i++)
        {
            var policy = config.Telemetry[i];
            var path = $"$.spec.telemetry[{i}]";
            if (policy.Tracing is not null)
            {
                ctx.Unsupported(path + ".tracing", "App Mesh configures tracing in the Envoy sidecar's bootstrap (X-Ray, Datadog, Jaeger), not in its CRDs; the tracing settings are not written.");
            }
            if (policy.AccessLogging is not { } on || readBack.Contains(policy with { Tracing = null })) continue;
            var inScope = nodes.Where(n => Applies(policy, n.Namespace, n.Labels)).ToList();
            if (inScope.Count == 0)
            {
                ctx.Unsupported(path, "No virtual node of the model is in this policy's scope: nothing is written for it.");
            }
            else if (!on)
            {
                ctx.Approximated(path + ".accessLogging", "App Mesh logs nothing unless a virtual node sets logging: the nodes in scope are written without it, so turning access logging off reads back as unset.");
            }
            else
            {
                ctx.Approximated(path, "App Mesh has no mesh or namespace logging setting: each virtual node in scope that logs is written with logging.accessLog.file. It reads back as one mesh-wide policy when every node logs, else one per namespace whose nodes all log, else one per node with its pod labels.");
            }
        }
    }

    /// <summary>Whether the pods of a node log: the narrowest policy that says so (mesh, then namespace, then workload), or null when none does.</summary>
    private static bool? Effective(string ns, EquatableMap<string> labels, MeshConfig config)
    {
        bool? on = null;
        for (var level = 0; level < 3; level++)
        {
            foreach (var policy in config.Telemetry)
            {
                var policyLevel = policy.Namespace is null ? 0 : policy.Workload.IsEmpty ? 1 : 2;
                if (policyLevel == level && Applies(policy, ns, labels)) on = policy.AccessLogging ?? on;
            }
        }
        return on;
    }

    private static bool Applies(TelemetryPolicy policy, string ns, EquatableMap<string> labels) =>
        policy.Namespace is null
        || (string.Equals(policy.Namespace, ns, StringComparison.Ordinal) && VirtualNodeMapping.Contains(labels, policy.Workload));

    /// <summary>
    /// The policies that say which of <paramref name="nodes"/> log: none when none does; one mesh-wide policy when all do; else
    /// per namespace (ordinal order) one policy when all its nodes do, else one per logging node with its pod labels.
    /// </summary>
    public static List<TelemetryPolicy> Fold(IEnumerable<(string Namespace, EquatableMap<string> Labels, bool Logs)> nodes)
    {
        var list = nodes.ToList();
        if (!list.Any(n => n.Logs)) return [];
        if (list.All(n => n.Logs)) return [new TelemetryPolicy { AccessLogging = true }];
        var policies = new List<TelemetryPolicy>();
        foreach (var group in list.GroupBy(n => n.Namespace, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (group.All(n => n.Logs))
            {
                policies.Add(new TelemetryPolicy { Namespace = group.Key, AccessLogging = true });
                continue;
            }
            foreach (var node in group.Where(n => n.Logs))
            {
                policies.Add(new TelemetryPolicy { Namespace = group.Key, Workload = node.Labels, AccessLogging = true });
            }
        }
        return [.. policies.Distinct()];
    }

    // App Mesh → model.
    /// <summary>
    /// Whether <paramref name="node"/> writes an access log; its format, and a path other than <paramref name="path"/> (what the
    /// export writes back), are reported.
    /// </summary>
    public static bool Logs(NodeInfo node, string path, ImportContext ctx)
    {
        var source = node.Document.Source;
        if (node.Document.Resource.Spec.Logging is not { } logging) return false;
        if (logging.AccessLog?.File is not { } file)
        {
            ctx.NotImportedInfo(source, "$.spec.logging", "The logging block has no access log file, so the node writes no access log.");
            return false;
        }
        if (string.IsNullOrEmpty(file.Path))
        {
            ctx.Invalid(source, "$.spec.logging.accessLog.file.path", "An access log file needs a path; the node's logging was not imported.");
            return false;
        }
        if (!string.Equals(file.Path, path, StringComparison.Ordinal))
        {
            ctx.NotImportedInfo(source, "$.spec.logging.accessLog.file.path", $"The model says whether a workload logs, not where: the log is written back to '{path}' (AppMeshOptions.AccessLogPath).");
        }
        if (file.Format is not null)
        {
            ctx.NotImported(source, "$.spec.logging.accessLog.file.format", "The model has no access log format: the target mesh's default format applies.");
        }
        return true;
    }
}
