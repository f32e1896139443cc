using Mesh.Collections;
using Mesh.Kubernetes;
using Mesh.Model;

namespace Mesh.Providers.AppMesh.Mapping;

/// <summary>
/// Listener <c>tls.mode</c> → mTLS policies scoped to the node's workload (namespace + pod selector) and port, collapsed to one
/// workload policy when every listener says the same mode. Certificates, validation and the client side
/// (<c>backendDefaults</c>, backend client policies) are provisioning the target mesh does itself, and are reported.
/// </summary>
internal static partial class TlsMapping
{
    private static readonly Dictionary<string, MtlsMode> Modes = new(StringComparer.Ordinal)
    {
        ["STRICT"] = MtlsMode.Strict,
        ["PERMISSIVE"] = MtlsMode.Permissive,
        ["DISABLED"] = MtlsMode.Disabled,
    };

    public static List<MtlsPolicy> ToModel(NodeInfo node, ImportContext ctx)
    {
        var source = node.Document.Source;
        if (node.Document.Resource.Spec.BackendDefaults is { } defaults)
        {
            ctx.NotImported(source, "$.spec.backendDefaults", defaults.ClientPolicy?.Tls is not null
                ? "Client TLS (enforce, certificate, validation) follows the callee's mTLS mode in the model; the target mesh provisions certificates itself."
                : "Backend defaults are not part of the model.");
        }
        var modes = new List<(int Port, MtlsMode? Mode)>();
        foreach (var listener in node.Listeners)
        {
            var path = $"$.spec.listeners[{listener.Index}].tls";
            if (listener.Listener.Tls is not { } tls)
            {
                modes.Add((listener.Port, null));
                continue;
            }
            if (tls.Certificate is not null) ctx.NotImportedInfo(source, path + ".certificate", "The target mesh issues workload certificates itself; the certificate source is not imported.");
            if (tls.Validation is not null) ctx.NotImported(source, path + ".validation", "Which client certificates are trusted (trust and subject alternative names) is not part of the model; the target mesh's identities apply.");
            if (tls.Mode is null || !Modes.TryGetValue(tls.Mode, out var mode))
            {
                ctx.Invalid(source, path + ".mode", $"Unknown TLS mode '{tls.Mode}' (App Mesh takes STRICT, PERMISSIVE or DISABLED).");
                continue;
            }
            modes.Add((listener.Port, mode));
        }
        if (modes.All(m => m.Mode is null)) return [];
        if (node.Labels is not { IsEmpty: false } labels)
        {
            ctx.NotImported(source, "$.spec.listeners", "The node selects no pods, so its TLS modes have no workload to apply to; they were not imported.");
            return [];
        }
        var ns = node.Document.Namespace;
        var first = modes[0].Mode;
        if (first is { } all && modes.All(m => m.Mode == all))
        {
            return [new MtlsPolicy { Scope = new MtlsScope { Namespace = ns, Workload = labels }, Mode = all }];
        }
        return [.. modes.Where(m => m.Mode is not null).Select(m => new MtlsPolicy { Scope = new MtlsScope { Namespace = ns, Workload = labels, Port = m.Port }, Mode = m.Mode!.Value })];
    }
}
