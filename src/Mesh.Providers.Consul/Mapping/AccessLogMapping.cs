using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Consul.Resources;
using Mesh.Providers.Consul.Translation;

namespace Mesh.Providers.Consul.Mapping;

/// <summary>
/// Telemetry access logging ↔ <c>ProxyDefaults global</c> <c>accessLogs.enabled</c>, which Consul applies to every proxy. The
/// mesh-wide policy's setting is written as it is (off too, so it reads back); a namespace's or workloads' policy cannot be
/// scoped: without a mesh-wide setting, one that turns logging on turns it on for every proxy (approximated), one that agrees
/// with what is written is folded into it, and one that disagrees is not written. Tracing lives in the proxies' Envoy
/// bootstrap and is reported. The log's destination and format are not in the model: Consul's default (stdout, its own format)
/// is written, and other values are reported on import.
/// </summary>
internal static class AccessLogMapping
{
    // Model → Consul.
    /// <summary>Sets <c>accessLogs</c> on the ProxyDefaults (created when there is none yet) and reports what it cannot scope.</summary>
    public static ProxyDefaults? ToConsul(ProxyDefaults? proxy, ConsulExportContext ctx)
    {
        var telemetry = ctx.Config.Telemetry;
        bool? mesh = null;
        var anyOn = false;
        foreach (var policy in telemetry)
        {
            if (policy.Namespace is null) mesh = policy.AccessLogging ?? mesh;
            else anyOn |= policy.AccessLogging == true;
        }
        var written = mesh ?? (anyOn ? true : null);
        for (var i = 0; i < telemetry.Count; i++)
        {
            var policy = telemetry[i];
            var path = $"$.spec.telemetry[{i}]";
            if (policy.Tracing is not null)
            {
                ctx.Unsupported(path + ".tracing", "Consul configures tracing in the proxies' Envoy configuration (ProxyDefaults config escape hatches), not in a setting this provider writes; the tracing settings are not written.");
            }
            if (policy.Namespace is null || policy.AccessLogging is not { } on) continue;
            var scope = policy.Workload.IsEmpty ? ctx.Message("namespace '{0}'", policy.Namespace) : ctx.Message("the selected workloads of namespace '{0}'", policy.Namespace);
            if (on == written)
            {
                ctx.Approximated(path, $"Consul's access logs are one setting for every proxy (ProxyDefaults global accessLogs): the setting of {scope} is written for the whole mesh{(mesh is null ? ", so every proxy logs" : "")}, and reads back as a mesh-wide policy.");
            }
            else if (!on && written is null)
            {
                ctx.Approximated(path + ".accessLogging", $"Consul's proxies write no access log unless ProxyDefaults enables them: nothing is written for {scope}, and it reads back as unset.");
            }
            else
            {
                ctx.Unsupported(path + ".accessLogging", $"Consul's access logs are one setting for every proxy (ProxyDefaults global accessLogs): {scope} cannot turn them {(on ? "on" : "off")} while the mesh has them {(written == true ? "on" : "off")}; it is not written.");
            }
        }
        if (written is not { } enabled) return proxy;
        proxy ??= ConsulEntries.Create<ProxyDefaults>("global", ctx.Options.DefaultNamespace);
        proxy.Spec.AccessLogs = new AccessLogsConfig { Enabled = enabled };
        return proxy;
    }

    // Consul → model.
    private static readonly HashSet<string> Types = new(StringComparer.Ordinal) { "stdout", "stderr", "file" };

    /// <summary>The mesh-wide access logging of the ProxyDefaults entries (the first that sets it; a second that differs is reported).</summary>
    public static List<TelemetryPolicy> ToModel(ConsulImportIndex index, ImportContext ctx)
    {
        bool? enabled = null;
        foreach (var doc in index.Proxies)
        {
            if (doc.Resource.Spec?.AccessLogs is not { } logs) continue;
            var source = doc.Source;
            const string path = "$.spec.accessLogs";
            var type = logs.Type;
            if (type is not null && !Types.Contains(type))
            {
                ctx.Invalid(source, path + ".type", $"Consul's access log type is stdout, stderr or file, not '{type}'.");
            }
            else if (type is not null)
            {
                ctx.NotImportedInfo(source, path + ".type", type == "stdout"
                    ? "stdout is Consul's default: the export leaves the type out."
                    : "The model says whether proxies log, not where: the logs are written back to Consul's default, stdout.");
            }
            if (logs.Path is not null)
            {
                ctx.NotImportedInfo(source, path + ".path", "The model says whether proxies log, not where: the file is not carried.");
            }
            if (logs.JsonFormat is not null) ctx.NotImported(source, path + ".jsonFormat", "The model has no access log format: the target mesh's default format applies.");
            if (logs.TextFormat is not null) ctx.NotImported(source, path + ".textFormat", "The model has no access log format: the target mesh's default format applies.");
            if (logs.DisableListenerLogs is not null)
            {
                ctx.NotImportedInfo(source, path + ".disableListenerLogs", "Logs of connections Envoy rejects without a matching listener are Consul's own; the model logs requests, so this is not carried.");
            }
            // Absent, enabled means off: Consul's default, which the model's unset says too.
            if (logs.Enabled is not { } on) continue;
            if (enabled is { } first && first != on)
            {
                ctx.NotImported(source, path + ".enabled", "Another ProxyDefaults sets access logging the other way, which was kept: Consul has one global entry.");
                continue;
            }
            enabled = on;
        }
        return enabled is { } value ? [new TelemetryPolicy { AccessLogging = value }] : [];
    }
}
