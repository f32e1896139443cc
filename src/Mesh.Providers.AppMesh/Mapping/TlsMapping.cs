using Mesh.Collections;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.AppMesh.Resources;
using Mesh.Providers.AppMesh.Translation;

namespace Mesh.Providers.AppMesh.Mapping;

/// <summary>
/// mTLS policies → each node listener's <c>tls</c>: the mode of the narrowest policy that applies (port &gt; workload — its labels
/// a subset of the node's pod selector — &gt; namespace &gt; mesh), with the certificate of <see cref="AppMeshOptions.Tls"/> and,
/// for STRICT and PERMISSIVE with SDS or file certificates, the trust clients' certificates are validated against (mutual TLS).
/// When any listener takes TLS, every service node originates it: <c>backendDefaults.clientPolicy.tls</c> enforced, with the
/// same trust (and the node's own certificate for SDS or files). App Mesh issues no certificates: a note says so once.
/// </summary>
internal static partial class TlsMapping
{
    // Model → App Mesh.
    public static void Report(MeshConfig config, AppMeshExportContext ctx)
    {
        if (config.Mtls.IsEmpty) return;
        var tls = ctx.Options.Tls;
        ctx.Note("$.spec.mtls", tls.Source switch
        {
            AppMeshCertificateSource.Sds => $"App Mesh does not issue certificates: listeners and clients take them from an SDS provider (SPIRE's agent), 'spiffe://{tls.TrustDomain}/ns/<namespace>/<virtual node>', trusting 'spiffe://{tls.TrustDomain}'; register each workload with SPIRE.",
            AppMeshCertificateSource.File => $"App Mesh does not issue certificates: mount them in each Envoy container ({tls.CertificateChainPath}, {tls.PrivateKeyPath}, trust {tls.TrustChainPath}).",
            _ => "App Mesh does not issue certificates here: listeners use the ACM certificate and clients trust the ACM Private CA of AppMeshOptions.Tls; App Mesh validates no client certificate from ACM, so the TLS is one-way.",
        });
        if (tls.Source == AppMeshCertificateSource.Acm && (tls.CertificateArn is null || tls.CertificateAuthorityArn is null))
        {
            ctx.Unsupported("$.spec.mtls", $"ACM certificates need AppMeshOptions.Tls.{(tls.CertificateArn is null ? "CertificateArn" : "CertificateAuthorityArn")}, which is not set: no TLS is written (listeners and clients stay plaintext).");
            return;
        }
        ReportScopes(config, ctx);
    }

    /// <summary>
    /// What each policy becomes: nothing when no node listener takes it (reported), else the listeners' modes, read back per
    /// virtual node — one workload policy with the node's pod labels when all its listeners agree, else one per port — so a
    /// policy of another scope is approximated.
    /// </summary>
    private static void ReportScopes(MeshConfig config, AppMeshExportContext ctx)
    {
        var covered = new Dictionary<int, bool>();
        foreach (var node in ctx.Plan.Nodes)
        {
            if (node.Service is null) continue;
            var labels = node.Labels;
            var effective = node.Ports.Select(p => Effective(node, p, config)).ToList();
            var collapsed = effective.All(e => e is not null && e.Value.Policy.Mode == effective[0]!.Value.Policy.Mode);
            foreach (var e in effective)
            {
                if (e is not { } found) continue;
                var scope = found.Policy.Scope;
                var exact = scope.Workload == labels && (collapsed ? scope.Kind == MtlsScopeKind.Workload : scope.Kind == MtlsScopeKind.Port);
                covered[found.Index] = covered.GetValueOrDefault(found.Index, true) && exact;
            }
        }
        for (var i = 0; i < config.Mtls.Count; i++)
        {
            if (!covered.TryGetValue(i, out var exact))
            {
                ctx.Unsupported($"$.spec.mtls[{i}]", "No virtual node listener is in this policy's scope (or narrower policies cover each one it selects): nothing is written for it.");
            }
            else if (!exact)
            {
                ctx.Approximated($"$.spec.mtls[{i}].scope", "Written as the tls.mode of each virtual node listener in scope: it reads back per virtual node (its pod labels), and per port where a node's listeners differ.");
            }
        }
    }

    /// <summary>The effective policy of one listener of <paramref name="node"/> and its index, or null when none applies.</summary>
    public static (MtlsPolicy Policy, int Index)? Effective(PlannedNode node, ServicePort port, MeshConfig config)
    {
        if (node.Service is null || config.Mtls.IsEmpty) return null;
        var labels = node.Labels;
        (MtlsPolicy, int)? best = null;
        var bestRank = -1;
        for (var i = 0; i < config.Mtls.Count; i++)
        {
            var policy = config.Mtls[i];
            var scope = policy.Scope;
            var rank = (int)scope.Kind;
            if (rank <= bestRank) continue;
            if (scope.Namespace is { } ns && !string.Equals(ns, node.Namespace, StringComparison.Ordinal)) continue;
            if (!Selects(scope.Workload, labels)) continue;
            if (scope.Port is { } p && p != port.Port && p != port.EffectiveTargetPort.Number) continue;
            best = (policy, i);
            bestRank = rank;
        }
        return best;
    }

    private static bool Selects(EquatableMap<string> selector, EquatableMap<string> labels)
    {
        foreach (var (key, value) in selector)
        {
            if (!labels.TryGetValue(key, out var v) || !string.Equals(v, value, StringComparison.Ordinal)) return false;
        }
        return true;
    }

    /// <summary>Whether any listener of the plan takes TLS (STRICT or PERMISSIVE).</summary>
    public static bool AnyEncrypted(AppMeshExportContext ctx) =>
        CanWrite(ctx) && ctx.Plan.Nodes.Any(n => n.Service is not null && n.Ports.Any(p => Effective(n, p, ctx.Config) is { Policy.Mode: not MtlsMode.Disabled }));

    public static ListenerTls? Listener(PlannedNode node, ServicePort port, AppMeshExportContext ctx)
    {
        if (Effective(node, port, ctx.Config) is not { } effective || !CanWrite(ctx)) return null;
        var mode = effective.Policy.Mode;
        return new ListenerTls
        {
            Mode = mode switch { MtlsMode.Strict => "STRICT", MtlsMode.Permissive => "PERMISSIVE", _ => "DISABLED" },
            Certificate = Certificate(node, ctx.Options.Tls),
            Validation = mode == MtlsMode.Disabled || ctx.Options.Tls.Source == AppMeshCertificateSource.Acm ? null : new TlsValidationContext { Trust = Trust(ctx.Options.Tls) },
        };
    }

    /// <summary>The client side of a service node: TLS enforced towards every backend when any listener takes it.</summary>
    public static BackendDefaults? ClientDefaults(PlannedNode node, bool anyEncrypted, AppMeshExportContext ctx)
    {
        if (!anyEncrypted || node.Service is null) return null;
        var tls = ctx.Options.Tls;
        return new BackendDefaults
        {
            ClientPolicy = new ClientPolicy
            {
                Tls = new ClientPolicyTls
                {
                    Enforce = true,
                    Certificate = tls.Source == AppMeshCertificateSource.Acm ? null : Certificate(node, tls),
                    Validation = new TlsValidationContext { Trust = Trust(tls) },
                },
            },
        };
    }

    /// <summary>ACM without both ARNs cannot be written (reported by <see cref="Report"/>).</summary>
    public static bool CanWrite(AppMeshExportContext ctx) =>
        ctx.Options.Tls.Source != AppMeshCertificateSource.Acm || (ctx.Options.Tls.CertificateArn is not null && ctx.Options.Tls.CertificateAuthorityArn is not null);

    private static TlsCertificate Certificate(PlannedNode node, AppMeshTlsOptions tls) => Certificate(node.Namespace, node.Name, tls);

    /// <summary>The certificate a node presents with the mesh's mTLS (<see cref="AppMeshOptions.Tls"/>).</summary>
    public static TlsCertificate Certificate(string ns, string name, AppMeshTlsOptions tls) => tls.Source switch
    {
        AppMeshCertificateSource.Sds => new TlsCertificate { Sds = new TlsSdsSource { SecretName = $"spiffe://{tls.TrustDomain}/ns/{ns}/{name}" } },
        AppMeshCertificateSource.File => new TlsCertificate { File = new TlsFileCertificate { CertificateChain = tls.CertificateChainPath, PrivateKey = tls.PrivateKeyPath } },
        _ => new TlsCertificate { Acm = new TlsAcmCertificate { CertificateArn = tls.CertificateArn } },
    };

    /// <summary>The trust of the mesh's mTLS (<see cref="AppMeshOptions.Tls"/>).</summary>
    public static TlsValidationTrust Trust(AppMeshTlsOptions tls) => tls.Source switch
    {
        AppMeshCertificateSource.Sds => new TlsValidationTrust { Sds = new TlsSdsSource { SecretName = $"spiffe://{tls.TrustDomain}" } },
        AppMeshCertificateSource.File => new TlsValidationTrust { File = new TlsFileTrust { CertificateChain = tls.TrustChainPath } },
        _ => new TlsValidationTrust { Acm = new TlsAcmTrust { CertificateAuthorityArns = [tls.CertificateAuthorityArn!] } },
    };

    // App Mesh → model.
    private static readonly Dictionary<string, MtlsMode> Modes = new(StringComparer.Ordinal)
    {
        ["STRICT"] = MtlsMode.Strict,
        ["PERMISSIVE"] = MtlsMode.Permissive,
        ["DISABLED"] = MtlsMode.Disabled,
    };

    public static List<MtlsPolicy> ToModel(NodeInfo node, ImportContext ctx)
    {
        var source = node.Document.Source;
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
