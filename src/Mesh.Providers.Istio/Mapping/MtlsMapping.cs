using System.Globalization;
using System.Text;
using Mesh.Collections;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Istio.Resources;
using Mesh.Providers.Istio.Translation;

namespace Mesh.Providers.Istio.Mapping;

/// <summary>
/// mTLS policies ↔ <c>PeerAuthentication</c>s: one per scope (mesh = the root namespace, a namespace, or a workload selector),
/// named <c>default</c> or <c>mtls-&lt;label values&gt;</c>; port scopes go to <c>portLevelMtls</c> of the workload's resource.
/// </summary>
internal static class MtlsMapping
{
    public static IEnumerable<PeerAuthentication> ToIstio(MeshConfig config, IstioExportContext ctx)
    {
        var root = ctx.Options.RootNamespace;
        var byScope = new Dictionary<(string Namespace, EquatableMap<string> Labels), PeerAuthentication>();
        PeerAuthentication For(string ns, EquatableMap<string> labels)
        {
            if (!byScope.TryGetValue((ns, labels), out var pa))
            {
                pa = new PeerAuthentication
                {
                    Metadata = { NamespaceProperty = ns },
                    Spec = { Selector = labels.IsEmpty ? null : new WorkloadSelector { MatchLabels = Lists.OrNull(labels) } },
                };
                byScope[(ns, labels)] = pa;
            }
            return pa;
        }

        for (var i = 0; i < config.Mtls.Count; i++)
        {
            var policy = config.Mtls[i];
            var path = $"$.spec.mtls[{i}]";
            var scope = policy.Scope;
            var mode = new MutualTls { Mode = ModeToIstio(policy.Mode) };
            if (scope.Namespace is null && (!scope.Workload.IsEmpty || scope.Port is not null))
            {
                ctx.Unsupported($"{path}.scope", "A mesh-wide PeerAuthentication has no selector or port; the workload or port of this scope is not expressible.");
                continue;
            }
            if (scope.Workload.Values.Any(v => v.Contains('*', StringComparison.Ordinal)))
            {
                ctx.Unsupported($"{path}.scope.workload", "Istio selectors take no '*' in label values; the policy is not written.");
                continue;
            }
            if (scope.Namespace == root && scope.Workload.IsEmpty)
            {
                ctx.Approximated($"{path}.scope.namespace", $"A PeerAuthentication without a selector in Istio's root namespace '{root}' applies to the whole mesh.");
            }
            var pa = Ownership.From(For(scope.Namespace ?? root, scope.Workload), ModelObjectNames.Of(policy));
            if (scope.Port is { } port)
            {
                if (scope.Workload.IsEmpty)
                {
                    ctx.Unsupported($"{path}.scope.port", "Istio sets port-level mTLS only for workloads chosen by a selector; a namespace-wide port mode is not expressible.");
                    continue;
                }
                pa.Spec.PortLevelMtls ??= new(StringComparer.Ordinal);
                if (!pa.Spec.PortLevelMtls.TryAdd(port.ToString(CultureInfo.InvariantCulture), mode))
                {
                    ctx.Unsupported(path, "A second mTLS policy for the same port is not written.");
                }
                continue;
            }
            if (pa.Spec.Mtls is not null)
            {
                ctx.Unsupported(path, "A second mTLS policy for the same scope is not written.");
                continue;
            }
            pa.Spec.Mtls = mode;
        }

        var names = new HashSet<(string, string)>();
        foreach (var ((ns, labels), pa) in byScope.OrderBy(e => e.Key.Namespace, StringComparer.Ordinal).ThenBy(e => e.Key.Labels.ToString(), StringComparer.Ordinal))
        {
            var name = labels.IsEmpty ? "default" : WorkloadName(labels);
            if (!names.Add((ns, name))) name = $"{name}-{Hash(labels.ToString())}";
            names.Add((ns, name));
            pa.Metadata.Name = name;
        }
        return byScope.Values.OrderBy(p => p.Metadata.NamespaceProperty, StringComparer.Ordinal).ThenBy(p => p.Metadata.Name, StringComparer.Ordinal);
    }

    /// <summary>A DNS-1123 name from the selector's values: <c>mtls-reviews-v2</c>.</summary>
    internal static string WorkloadName(EquatableMap<string> labels)
    {
        var builder = new StringBuilder("mtls");
        foreach (var value in labels.Values)
        {
            builder.Append('-');
            foreach (var c in value.ToLowerInvariant()) builder.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }
        var name = builder.ToString().Trim('-');
        return name.Length <= 63 ? name : $"{name[..54].TrimEnd('-')}-{Hash(labels.ToString())}";
    }

    /// <summary>A stable 8-hex-digit FNV-1a hash (never <see cref="string.GetHashCode()"/>, which varies per process).</summary>
    internal static string Hash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash ^= c;
            hash *= 16777619u;
        }
        return hash.ToString("x8", CultureInfo.InvariantCulture);
    }

    private static string ModeToIstio(MtlsMode mode) => mode switch
    {
        MtlsMode.Strict => "STRICT",
        MtlsMode.Permissive => "PERMISSIVE",
        _ => "DISABLE",
    };

    public static void ToModel(PeerAuthentication pa, string ns, string source, ModelBuilder model, IstioImportContext ctx)
    {
        var spec = pa.Spec;
        var labels = (spec?.Selector?.MatchLabels ?? []).Where(e => e.Value is not null).ToEquatableMap();
        if (spec?.Selector is not null && labels.IsEmpty)
        {
            ctx.NotImportedInfo(source, "$.spec.selector", "An empty selector selects every workload of the namespace.");
        }
        MtlsScope scope = labels.IsEmpty && ns == ctx.Options.RootNamespace
            ? MtlsScope.Mesh
            : new MtlsScope { Namespace = ns, Workload = labels };
        if (spec?.Mtls is { } mtls && ModeToModel(mtls.Mode, source, "$.spec.mtls.mode", ctx) is { } mode)
        {
            model.Mtls.Add(new MtlsPolicy { Scope = scope, Mode = mode });
        }
        foreach (var (key, value) in spec?.PortLevelMtls ?? [])
        {
            var path = $"$.spec.portLevelMtls{JsonPaths.Segment(key)}";
            if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            {
                ctx.Invalid(source, path, $"'{key}' is not a port number.");
                continue;
            }
            if (labels.IsEmpty)
            {
                ctx.Invalid(source, path, "Port-level mTLS needs a workload selector.");
                continue;
            }
            if (ModeToModel(value?.Mode, source, $"{path}.mode", ctx) is { } portMode)
            {
                model.Mtls.Add(new MtlsPolicy { Scope = scope with { Port = port }, Mode = portMode });
            }
        }
    }

    private static MtlsMode? ModeToModel(string? mode, string source, string path, IstioImportContext ctx)
    {
        switch (mode)
        {
            case "STRICT": return MtlsMode.Strict;
            case "PERMISSIVE": return MtlsMode.Permissive;
            case "DISABLE": return MtlsMode.Disabled;
            case null or "UNSET":
                ctx.NotImportedInfo(source, path, "UNSET inherits the mode of the wider scope; the model has no policy for it.");
                return null;
            default:
                ctx.Invalid(source, path, $"'{mode}' is not an mTLS mode (UNSET, DISABLE, PERMISSIVE, STRICT).");
                return null;
        }
    }
}
