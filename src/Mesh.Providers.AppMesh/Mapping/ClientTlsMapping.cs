using Mesh.Collections;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.AppMesh.Resources;
using Mesh.Providers.AppMesh.Translation;

namespace Mesh.Providers.AppMesh.Mapping;

/// <summary>
/// A destination policy's client TLS ↔ the <c>clientPolicy.tls</c> of each caller's backend entry for the destination's virtual
/// service (App Mesh sets TLS origination on the calling node, per backend):
/// <list type="bullet">
/// <item><c>disable</c>: <c>enforce: false</c> (the validation App Mesh requires trusts <see cref="AppMeshTlsOptions.SystemTrustChainPath"/>);</item>
/// <item><c>simple</c>: enforced, trusting the <c>caCertificates</c> file, else the <c>credentialName</c> SDS secret, else the system bundle;</item>
/// <item><c>mutual</c>: also the client certificate from the <c>credentialName</c> SDS secret (which then also holds the CA unless a file is named);</item>
/// <item><c>mesh</c>: the node's own mTLS certificate and trust from <see cref="AppMeshOptions.Tls"/> (what <c>backendDefaults</c> carries for mTLS);</item>
/// <item><c>subjectAltNames</c>: <c>validation.subjectAlternativeNames.match.exact</c>;</item>
/// <item>a policy for one port of the destination: the same, limited by <c>ports</c> (a backend has one client policy: a
/// service's whole TLS wins over its ports', and ports with differing TLS after the first are reported); read back as one
/// policy per port.</item>
/// </list>
/// App Mesh has no SNI setting and always verifies the server: both reported. Read back from each node's backends (a backend's
/// own policy, else its <c>backendDefaults</c>) as the TLS of the service the backend names; the defaults the export derives for
/// mTLS are the mesh's, not a destination's.
/// </summary>
internal static class ClientTlsMapping
{
    // Model → App Mesh.
    /// <summary>Collects the client TLS of each destination that can be written (in <see cref="AppMeshExportContext.ClientTls"/>), reporting what cannot.</summary>
    public static void Plan(AppMeshExportContext ctx)
    {
        var policies = ctx.Config.DestinationPolicies;
        // Whole services first: a backend has one client policy, and a service's own TLS covers every port.
        for (var pass = 0; pass < 2; pass++)
        {
            for (var i = 0; i < policies.Count; i++)
            {
                var policy = policies[i];
                if (policy.Tls is not { } tls || (policy.Target.Port is null) != (pass == 0)) continue;
                var path = $"$.spec.destinationPolicies[{i}].tls";
                if (!Writable(policy, tls, path, ctx)) continue;
                if (policy.Target.Port is not { } port)
                {
                    if (!ctx.ClientTls.TryAdd(policy.Target.Service, (tls, i, null)))
                    {
                        ctx.Unsupported(path, $"An earlier destination policy of '{policy.Target.Service}' sets its client TLS, which is written: this one is not.");
                        continue;
                    }
                }
                else if (ctx.ClientTls.TryGetValue(policy.Target.Service, out var written))
                {
                    if (written.Ports is null || written.Tls != tls)
                    {
                        ctx.Unsupported(path, written.Ports is null
                            ? $"The client TLS of '{policy.Target.Service}' (destinationPolicies[{written.Index}]) is written for every port, and an App Mesh backend has one client policy: the TLS of port {port} is not written."
                            : $"An App Mesh backend has one client policy, written with the TLS of port {written.Ports.Min} (destinationPolicies[{written.Index}]): port {port}'s other TLS is not written.");
                        continue;
                    }
                    written.Ports.Add(port);
                    continue;
                }
                else
                {
                    // The backend's client policy is limited to the port (clientPolicy.tls.ports).
                    ctx.ClientTls.Add(policy.Target.Service, (tls, i, [port]));
                }
                ReportParts(tls, path, ctx);
            }
        }
    }

    /// <summary>Whether a destination's client TLS can be written at all; reports why not.</summary>
    private static bool Writable(DestinationPolicy policy, ClientTls tls, string path, AppMeshExportContext ctx)
    {
        if (policy.Target.Subset is not null)
        {
            ctx.Unsupported(path, "App Mesh sets client TLS per virtual service a node calls, and a subset has none of its own (its node is reached through the service's router): the TLS of a subset is not written.");
            return false;
        }
        if (ctx.Options.Backends != AppMeshBackends.List)
        {
            ctx.Unsupported(path, "Virtual nodes name their backends by namespace backend groups (AppMeshOptions.Backends = NamespaceGroups), which carry no client policy: the TLS is not written.");
            return false;
        }
        if (tls.Mode == ClientTlsMode.Mesh && !TlsMapping.CanWrite(ctx))
        {
            ctx.Unsupported(path, "Mode 'mesh' uses the mesh's certificates of AppMeshOptions.Tls; with ACM both CertificateArn and CertificateAuthorityArn are needed: the TLS is not written.");
            return false;
        }
        return true;
    }

    /// <summary>Reports the parts of a written client TLS that App Mesh cannot hold.</summary>
    private static void ReportParts(ClientTls tls, string path, AppMeshExportContext ctx)
    {
        if (tls.Sni is not null)
        {
            ctx.Unsupported(path + ".sni", "App Mesh's client policy has no server name (SNI) setting: the SNI is not written.");
        }
        if (tls.InsecureSkipVerify)
        {
            ctx.Unsupported(path + ".insecureSkipVerify", "App Mesh always verifies the server's certificate (validation.trust is required): it is written trusting the system bundle (AppMeshOptions.Tls.SystemTrustChainPath), so a server certificate that does not chain to it is refused.");
        }
        if (tls.Mode == ClientTlsMode.Simple && tls.CaCertificates is not null && tls.CredentialName is not null)
        {
            ctx.Approximated(path + ".credentialName", "App Mesh's validation trusts one source: the caCertificates file is written, the credential's CA certificates are not.");
        }
    }

    /// <summary>Reports the client TLS that no node's backends carry: no service of the model calls the destination.</summary>
    public static void ReportUnwritten(AppMeshExportContext ctx)
    {
        foreach (var (service, (_, index, _)) in ctx.ClientTls)
        {
            if (ctx.ClientTlsWritten.Contains(service)) continue;
            ctx.Unsupported($"$.spec.destinationPolicies[{index}].tls", $"No virtual node of the model lists '{service}' among its backends (App Mesh sets client TLS on the caller), so the TLS is written nowhere.");
        }
    }

    /// <summary><paramref name="backend"/> with the client TLS of its virtual service, for the node <paramref name="caller"/>; the shared entry itself when there is none.</summary>
    public static Backend WithPolicy(Backend backend, ServiceRef virtualService, PlannedNode caller, AppMeshExportContext ctx)
    {
        if (!ctx.ClientTls.TryGetValue(virtualService, out var found)) return backend;
        ctx.ClientTlsWritten.Add(virtualService);
        var tls = ToAppMesh(found.Tls, caller, ctx.Options.Tls);
        tls.Ports = found.Ports is null ? null : [.. found.Ports];
        return new Backend
        {
            VirtualService = new VirtualServiceBackend
            {
                VirtualServiceRef = backend.VirtualService?.VirtualServiceRef,
                ClientPolicy = new ClientPolicy { Tls = tls },
            },
        };
    }

    private static ClientPolicyTls ToAppMesh(ClientTls tls, PlannedNode caller, AppMeshTlsOptions options)
    {
        var names = tls.SubjectAltNames.IsEmpty ? null : new SubjectAlternativeNames { Match = new SubjectAlternativeNameMatchers { Exact = [.. tls.SubjectAltNames] } };
        var system = new TlsValidationTrust { File = new TlsFileTrust { CertificateChain = options.SystemTrustChainPath } };
        return tls.Mode switch
        {
            ClientTlsMode.Disable => new ClientPolicyTls { Enforce = false, Validation = new TlsValidationContext { Trust = system } },
            ClientTlsMode.Mesh => new ClientPolicyTls
            {
                Enforce = true,
                Certificate = options.Source == AppMeshCertificateSource.Acm ? null : TlsMapping.Certificate(caller.Namespace, caller.Name, options),
                Validation = new TlsValidationContext { Trust = TlsMapping.Trust(options), SubjectAlternativeNames = names },
            },
            _ => new ClientPolicyTls
            {
                Enforce = true,
                Certificate = tls.Mode == ClientTlsMode.Mutual && tls.CredentialName is { } credential ? new TlsCertificate { Sds = new TlsSdsSource { SecretName = credential } } : null,
                Validation = new TlsValidationContext
                {
                    Trust = tls.CaCertificates is { } ca ? new TlsValidationTrust { File = new TlsFileTrust { CertificateChain = ca } }
                        : tls.CredentialName is { } secret ? new TlsValidationTrust { Sds = new TlsSdsSource { SecretName = secret } }
                        : system,
                    SubjectAlternativeNames = names,
                },
            },
        };
    }

    // App Mesh → model.
    /// <summary>
    /// The client TLS of each service <paramref name="node"/> calls, by the virtual service its backend names (resolved in the
    /// node's namespace unless it names another): the backend's own policy, else the node's defaults. Defaults the export
    /// derives for mTLS (the mesh's certificate and trust of <paramref name="options"/>) are the mesh's, reported as before.
    /// </summary>
    public static List<(ResourceKey VirtualService, ClientTls Tls, string Path, IReadOnlyList<int>? Ports)> ToModel(NodeInfo node, AppMeshTlsOptions options, ImportContext ctx)
    {
        var (source, spec) = (node.Document.Source, node.Document.Resource.Spec);
        var result = new List<(ResourceKey, ClientTls, string, IReadOnlyList<int>?)>();
        ClientTls? defaults = null;
        const string defaultsPath = "$.spec.backendDefaults.clientPolicy.tls";
        if (spec.BackendDefaults is { } backendDefaults)
        {
            if (backendDefaults.ClientPolicy?.Tls is not { } tls)
            {
                ctx.NotImported(source, "$.spec.backendDefaults", "Backend defaults without client TLS are not part of the model.");
            }
            else if (IsMesh(tls, node, options))
            {
                ctx.NotImported(source, "$.spec.backendDefaults", "Client TLS with the mesh's own certificates (enforce, certificate, validation) follows the callee's mTLS mode in the model; the target mesh provisions certificates itself.");
            }
            else if ((defaults = Read(tls, node, options, source, defaultsPath, ctx)) is not null)
            {
                if (spec.Backends is not { Count: > 0 })
                {
                    ctx.NotImported(source, "$.spec.backendDefaults", "The node lists no backends, so its client TLS names no service it applies to; it was not imported.");
                }
                else
                {
                    ctx.Note(source, defaultsPath, "Carried as the client TLS of each service this node's backends name (the export writes it on each caller's backends[].virtualService.clientPolicy.tls).");
                }
            }
        }
        for (var j = 0; j < (spec.Backends?.Count ?? 0); j++)
        {
            if (spec.Backends![j]?.VirtualService is not { } backend) continue;
            var path = $"$.spec.backends[{j}].virtualService";
            var tls = backend.ClientPolicy?.Tls is { } own ? Read(own, node, options, source, path + ".clientPolicy.tls", ctx) : defaults;
            if (tls is null) continue;
            if (backend.VirtualServiceRef is not { Name: { Length: > 0 } name } reference)
            {
                ctx.NotImported(source, path, "The client TLS of a backend named by ARN (outside the cluster) is not imported: it names no service of the input.");
                continue;
            }
            var written = backend.ClientPolicy?.Tls ?? spec.BackendDefaults?.ClientPolicy?.Tls;
            var ports = written?.Ports is { Count: > 0 } listed ? listed.Where(p => p is >= 1 and <= 65535).Distinct().Order().ToList() : null;
            result.Add((new ResourceKey(string.IsNullOrEmpty(reference.Namespace) ? node.Document.Namespace : reference.Namespace, name), tls, backend.ClientPolicy?.Tls is null ? defaultsPath : path + ".clientPolicy.tls", ports));
        }
        return result;
    }

    private static ClientTls? Read(ClientPolicyTls tls, NodeInfo node, AppMeshTlsOptions options, string source, string path, ImportContext ctx)
    {
        for (var k = 0; k < (tls.Ports?.Count ?? 0); k++)
        {
            if (tls.Ports![k] is < 1 or > 65535) ctx.Invalid(source, $"{path}.ports[{k}]", $"Port {tls.Ports[k]} is outside 1–65535; it was not imported.");
        }
        if (tls.Enforce == false)
        {
            if (tls.Certificate is not null || tls.Validation?.SubjectAlternativeNames is not null)
            {
                ctx.NotImportedInfo(source, path, "TLS is not enforced, so the certificate and validation have no effect; the backend is called in plain text.");
            }
            return new ClientTls { Mode = ClientTlsMode.Disable };
        }
        var names = new List<string>();
        var exact = tls.Validation?.SubjectAlternativeNames?.Match?.Exact ?? [];
        for (var k = 0; k < exact.Count; k++)
        {
            if (string.IsNullOrWhiteSpace(exact[k]) || exact[k].Any(char.IsWhiteSpace))
            {
                ctx.Invalid(source, $"{path}.validation.subjectAlternativeNames.match.exact[{k}]", "A subject alternative name must be a DNS name or URI without spaces; it was not imported.");
                continue;
            }
            names.Add(exact[k]);
        }
        // Read per backend, a port-limited policy is still the mesh's certificates (the ports are the policy's target).
        if (IsMesh(tls, node, options, portsAllowed: true)) return new ClientTls { Mode = ClientTlsMode.Mesh, SubjectAltNames = [.. names] };

        string? credential = null;
        if (tls.Certificate?.Sds is { } sds)
        {
            if (!Word(sds.SecretName)) ctx.Invalid(source, path + ".certificate.sds.secretName", "A client certificate secret needs a name without spaces; the certificate was not imported.");
            else credential = sds.SecretName;
        }
        else if (tls.Certificate?.File is not null)
        {
            ctx.NotImported(source, path + ".certificate.file", "The model names a client certificate by its secret (credentialName), not by files: the certificate is not imported, so the TLS is one-way (simple) and a server that requires a client certificate refuses it.");
        }
        else if (tls.Certificate?.Acm is not null)
        {
            ctx.NotImported(source, path + ".certificate.acm", "App Mesh takes no ACM client certificate, and the model names certificates by secret: it is not imported.");
        }
        var mutual = credential is not null;

        string? ca = null;
        var trust = tls.Validation?.Trust;
        if (trust?.File is { } file)
        {
            if (!Word(file.CertificateChain)) ctx.Invalid(source, path + ".validation.trust.file.certificateChain", "A trusted certificate chain needs a path without spaces; the system's roots are imported instead.");
            else if (!string.Equals(file.CertificateChain, options.SystemTrustChainPath, StringComparison.Ordinal)) ca = file.CertificateChain;
        }
        else if (trust?.Sds is { } trustSds)
        {
            if (!Word(trustSds.SecretName)) ctx.Invalid(source, path + ".validation.trust.sds.secretName", "A trust secret needs a name without spaces; the system's roots are imported instead.");
            else if (credential is null) credential = trustSds.SecretName;
            else if (!string.Equals(credential, trustSds.SecretName, StringComparison.Ordinal))
            {
                ctx.NotImported(source, path + ".validation.trust.sds", $"The model names one credential for a destination (the client certificate's secret, which also holds the CA certificates): the trust secret '{trustSds.SecretName}' is not imported.");
            }
        }
        else if (trust?.Acm is not null)
        {
            ctx.NotImported(source, path + ".validation.trust.acm", "ACM Private CA trust is AWS's own; the model names CA files or secrets: the system's roots are trusted instead.");
        }
        else
        {
            ctx.Invalid(source, path + ".validation.trust", "Client TLS needs validation.trust (acm, file or sds); the system's roots are imported instead.");
        }
        return new ClientTls
        {
            Mode = mutual ? ClientTlsMode.Mutual : ClientTlsMode.Simple,
            CredentialName = credential,
            CaCertificates = ca,
            SubjectAltNames = [.. names],
        };
    }

    /// <summary>Whether <paramref name="tls"/> is what the export writes for the mesh's own mTLS of <paramref name="node"/> (subject alternative names aside).</summary>
    private static bool IsMesh(ClientPolicyTls tls, NodeInfo node, AppMeshTlsOptions options, bool portsAllowed = false)
    {
        if (tls.Enforce == false || (!portsAllowed && tls.Ports is { Count: > 0 }) || tls.Validation?.Trust is not { } trust) return false;
        var expected = TlsMapping.Trust(options);
        var sameTrust = options.Source switch
        {
            AppMeshCertificateSource.Sds => trust.Sds?.SecretName == expected.Sds!.SecretName && trust.File is null && trust.Acm is null,
            AppMeshCertificateSource.File => trust.File?.CertificateChain == expected.File!.CertificateChain && trust.Sds is null && trust.Acm is null,
            _ => trust.Acm?.CertificateAuthorityArns is [var arn] && arn == options.CertificateAuthorityArn && trust.File is null && trust.Sds is null,
        };
        if (!sameTrust) return false;
        if (options.Source == AppMeshCertificateSource.Acm) return tls.Certificate is null;
        var certificate = TlsMapping.Certificate(node.Document.Namespace, node.Document.Name, options);
        return options.Source == AppMeshCertificateSource.Sds
            ? tls.Certificate is { File: null, Sds.SecretName: var name } && name == certificate.Sds!.SecretName
            : tls.Certificate is { Sds: null, File: { } f } && f.CertificateChain == certificate.File!.CertificateChain && f.PrivateKey == certificate.File.PrivateKey;
    }

    private static bool Word(string? value) => !string.IsNullOrEmpty(value) && !value.Any(char.IsWhiteSpace);
}
