using System.Globalization;
using System.Text.RegularExpressions;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.GatewayApi.Resources;
using Mesh.Providers.GatewayApi.Translation;

namespace Mesh.Providers.GatewayApi.Mapping;

/// <summary>
/// Client TLS of destination policies ↔ <c>BackendTLSPolicy</c> (v1). Model → Gateway API: a policy whose TLS is
/// <c>simple</c> becomes a BackendTLSPolicy in the Service's namespace targeting the Service (<c>sectionName</c> = the port's
/// name when the policy names a port); <c>validation.hostname</c> is the SNI (the Service's FQDN when the model leaves it to
/// the host called, with a note), <c>subjectAltNames</c> are typed <c>Hostname</c> or <c>URI</c> by form, and the CA is the
/// credential (<c>caCertificateRefs</c> to the Secret <c>credentialName</c> names) or else the system roots
/// (<c>wellKnownCACertificates: System</c>); a subset's policy targets its leaf Service (the Service routes send the subset's
/// traffic to), when one is written. What BackendTLSPolicy cannot say — other modes, a CA file on the proxy, skipping
/// verification, a subset no leaf Service stands for — is reported and the policy's TLS is not written. Gateway API → model: each Service
/// targetRef becomes (or completes) the destination policy of that Service or port, in precedence order.
/// </summary>
internal static partial class BackendTlsMapping
{
    /// <summary>The kind a credential is written as in <c>caCertificateRefs</c>: the model's credentials are Secrets.</summary>
    public const string SecretKind = "Secret";

    /// <summary>The kind of the core-support CA reference, read as a credential too.</summary>
    public const string ConfigMapKind = "ConfigMap";

    /// <summary>The well-known CA set of the system roots.</summary>
    public const string SystemCas = "System";

    private const int MaxSubjectAltNames = 5;

    /// <summary>Model → Gateway API: one BackendTLSPolicy per destination policy with writable client TLS, sorted by namespace and name.</summary>
    public static IEnumerable<BackendTlsPolicy> ToGatewayApi(MeshConfig config, RouteExportContext ctx)
    {
        var written = new SortedDictionary<(string Namespace, string Name), BackendTlsPolicy>(OrdinalKeyComparer.Instance);
        var wholeWritten = new HashSet<(ServiceRef Service, string? Subset)>();
        var portsNotWritten = new List<(int Index, PolicyTarget Target)>();
        for (var i = 0; i < config.DestinationPolicies.Count; i++)
        {
            var policy = config.DestinationPolicies[i];
            if (policy.Tls is not { } tls) continue;
            var path = $"$.spec.destinationPolicies[{i}]";
            if (ToGatewayApi(policy, tls, path, ctx) is not { } resource)
            {
                if (policy.Target.Port is not null) portsNotWritten.Add((i, policy.Target));
                continue;
            }
            if (!written.TryAdd((resource.Metadata.NamespaceProperty, resource.Metadata.Name), Ownership.From(resource, ModelObjectNames.Of(policy))))
            {
                ctx.Unsupported(path + ".tls", $"Another destination policy's TLS is already written as BackendTLSPolicy '{resource.Metadata.NamespaceProperty}/{resource.Metadata.Name}'; this one is not written.");
            }
            else if (policy.Target.Port is null)
            {
                wholeWritten.Add((policy.Target.Service, policy.Target.Subset));
            }
        }
        // A port's TLS that is not written cannot exclude the port from the whole service's BackendTLSPolicy.
        foreach (var (index, target) in portsNotWritten)
        {
            if (!wholeWritten.Contains((target.Service, target.Subset))) continue;
            ctx.Unsupported($"$.spec.destinationPolicies[{index}].tls", $"This port's TLS is not written, so the BackendTLSPolicy written for the whole of '{target.Service}'{(target.Subset is null ? "" : $" (subset {target.Subset})")} applies to port {target.Port} too: calls to the port get that policy's TLS instead of this one's.");
        }
        return written.Values;
    }

    private static BackendTlsPolicy? ToGatewayApi(DestinationPolicy policy, ClientTls tls, string path, RouteExportContext ctx)
    {
        var at = path + ".tls";
        var target = policy.Target;
        switch (tls.Mode)
        {
            case ClientTlsMode.Disable:
                ctx.Unsupported(at + ".mode", "BackendTLSPolicy only adds TLS origination; Gateway API cannot turn a destination's TLS (or the mesh's own mTLS) off. Nothing is written: plain text stays plain text, and the mesh implementation's mTLS stays as it is configured.");
                return null;
            case ClientTlsMode.Mutual:
                ctx.Unsupported(at + ".mode", "BackendTLSPolicy (v1) has no client certificate (a Gateway's tls.backend.clientCertificateRef is one per Gateway, not per destination, and not for mesh traffic); mutual TLS to this destination is not written.");
                return null;
            case ClientTlsMode.Mesh:
                ctx.Approximated(at + ".mode", "The mesh's own mTLS is the mesh implementation's: GAMMA meshes (Istio, Linkerd, Cilium…) encrypt meshed traffic themselves where mTLS is on, while a BackendTLSPolicy would originate a second, ordinary TLS with other certificates. Nothing is written.");
                if (tls.Sni is not null || !tls.SubjectAltNames.IsEmpty)
                {
                    ctx.Unsupported(at + (tls.Sni is not null ? ".sni" : ".subjectAltNames"), "The SNI and subject alternative names of the mesh's own mTLS cannot be set through Gateway API; they are not written.");
                }
                return null;
        }
        if (target.Subset is { } subset && ctx.Leaves?.HasLeaf(target.Service, subset) != true)
        {
            ctx.Unsupported(path + ".target.subset", ctx.Leaves is null
                ? "BackendTLSPolicy targets Services, and with ServiceOutput None no leaf Service stands for this subset; its TLS is not written."
                : "BackendTLSPolicy targets Services: a subset's TLS is written for its leaf Service, which exists only when a route, mirror or TCP route sends to the subset, and none sends to this one; its TLS is not written.");
            return null;
        }
        if (tls.InsecureSkipVerify)
        {
            ctx.Unsupported(at + ".insecureSkipVerify", "BackendTLSPolicy always verifies the server (its CA certificates are required); TLS without verification is not written.");
            return null;
        }
        if (tls.CaCertificates is not null)
        {
            ctx.Unsupported(at + ".caCertificates", "BackendTLSPolicy takes CA certificates from Kubernetes objects (caCertificateRefs) or a well-known set, not from a file on the proxy; the TLS is not written (verifying with the system roots instead would accept other servers). Name the CA by credentialName to write it.");
            return null;
        }
        if (ctx.FindService(target.Service) is not { } service)
        {
            ctx.Unsupported(path + ".target", ctx.FindExternal(target.Service) is not null
                ? $"'{target.Service}' is an external service: egress is not in the standard channel of Gateway API, and a BackendTLSPolicy targets a Service; the TLS is not written."
                : $"'{target.Service}' is not a service of the model; the TLS is not written.");
            return null;
        }

        string? section = null;
        if (target.Port is { } number)
        {
            if (service.FindPort(number) is not { } port || !IsSectionName(port.EffectiveName))
            {
                ctx.Unsupported(path + ".target.port", $"A BackendTLSPolicy names a Service port by its name (sectionName), and port {number} of '{service.Reference}' has no name that can be written ('{service.FindPort(number)?.EffectiveName}'); the TLS is not written.");
                return null;
            }
            section = port.EffectiveName;
        }

        var hostname = tls.Sni?.ToLowerInvariant();
        if (hostname is null)
        {
            // The host called: the service's name, also for a subset (clients call the service; routes pick the leaf).
            hostname = service.Reference.ToFqdn();
            ctx.Note(at + ".sni", $"BackendTLSPolicy requires a hostname (the SNI, and the name the certificate must carry when no subject alternative name is given); the model leaves the SNI to the host called, so the Service's name '{hostname}' is written.");
        }
        if (!IsHostname(hostname))
        {
            ctx.Unsupported(at + ".sni", $"'{hostname}' is not a host name BackendTLSPolicy accepts (lower-case DNS name, no wildcard); the TLS is not written.");
            return null;
        }

        var sans = new List<SubjectAltName>();
        for (var k = 0; k < tls.SubjectAltNames.Count; k++)
        {
            var name = tls.SubjectAltNames[k];
            if (k >= MaxSubjectAltNames)
            {
                ctx.Unsupported($"{at}.subjectAltNames[{k}]", $"BackendTLSPolicy takes at most {MaxSubjectAltNames} subject alternative names; the TLS is not written (fewer names would accept other certificates than the model says).");
                return null;
            }
            if (IsSanHostname(name)) sans.Add(new SubjectAltName { Type = "Hostname", Hostname = name });
            else if (IsSanUri(name)) sans.Add(new SubjectAltName { Type = "URI", Uri = name });
            else
            {
                ctx.Unsupported($"{at}.subjectAltNames[{k}]", $"'{name}' is neither a lower-case DNS name (type Hostname) nor a URI with a scheme and an authority (type URI); the TLS is not written.");
                return null;
            }
        }

        var validation = new BackendTlsValidation { Hostname = hostname, SubjectAltNames = sans.Count == 0 ? null : sans };
        if (tls.CredentialName is { } credential)
        {
            validation.CaCertificateRefs = [new LocalObjectReference { Group = "", Kind = SecretKind, Name = credential }];
            ctx.Note(at + ".credentialName", $"The CA certificates are the Secret '{credential}' (key ca.crt) in caCertificateRefs: a Secret reference is implementation-specific support in BackendTLSPolicy (core support is a ConfigMap).");
        }
        else
        {
            validation.WellKnownCaCertificates = SystemCas;
        }

        // A subset's traffic is the traffic routes send to its leaf Service (which has the service's ports).
        var targetName = target.Subset is { } routed ? ctx.Leaves!.Target(target.Service, routed).Name : service.Name;
        return new BackendTlsPolicy
        {
            Metadata = new k8s.Models.V1ObjectMeta { Name = section is null ? targetName : $"{targetName}-{section}", NamespaceProperty = service.Namespace },
            Spec = new BackendTlsPolicySpec
            {
                TargetRefs = [new PolicyTargetReference { Group = "", Kind = "Service", Name = targetName, SectionName = section }],
                Validation = validation,
            },
        };
    }

    /// <summary>A BackendTLSPolicy of the input, with the name and namespace it was read with.</summary>
    public sealed record Read(BackendTlsPolicy Policy, string Name, string Namespace, string Source);

    /// <summary>
    /// Gateway API → model: the client TLS of every BackendTLSPolicy read, onto the destination policy of each Service (or
    /// Service port) it targets, in the precedence Gateway API gives conflicting policies (the older first, then by
    /// namespace/name); a target a policy earlier in that order already set is reported. <paramref name="services"/> are the
    /// core Services of the input, which name the ports a <c>sectionName</c> names.
    /// </summary>
    public static void ToModel(IReadOnlyList<Read> reads, IReadOnlyDictionary<ServiceRef, CoreService> services, ModelBuilder model, ImportContext ctx)
    {
        var setBy = new Dictionary<PolicyTarget, string>();
        var ordered = reads
            .OrderBy(r => r.Policy.Metadata?.CreationTimestamp ?? DateTime.MaxValue)
            .ThenBy(r => r.Namespace, StringComparer.Ordinal)
            .ThenBy(r => r.Name, StringComparer.Ordinal);
        foreach (var read in ordered)
        {
            var spec = read.Policy.Spec;
            var id = $"{read.Namespace}/{read.Name}";
            if (spec.Options is { Count: > 0 })
            {
                ctx.NotImported(read.Source, "$.spec.options", "Implementation-specific TLS options (such as TLS versions and cipher suites) have no place in the model; they were not imported.");
            }
            if (spec.TargetRefs is not { Count: > 0 } targets)
            {
                ctx.Invalid(read.Source, "$.spec.targetRefs", "A BackendTLSPolicy needs at least one targetRef.");
                continue;
            }
            if (Validation(spec.Validation, read.Source, ctx) is not { } tls) continue;
            for (var k = 0; k < targets.Count; k++)
            {
                var path = $"$.spec.targetRefs[{k}]";
                var target = targets[k];
                if (string.IsNullOrEmpty(target.Name))
                {
                    ctx.Invalid(read.Source, path + ".name", "A targetRef needs a name.");
                    continue;
                }
                if (!BackendMapping.IsCoreGroup(target.Group) || target.Kind != "Service")
                {
                    ctx.NotImported(read.Source, path, $"The model's client TLS applies to services; a BackendTLSPolicy for a {target.Kind} of group '{target.Group}' was not imported.");
                    continue;
                }
                var service = new ServiceRef(target.Name, read.Namespace);
                int? port = null;
                var protocol = Protocol.Http;
                if (!string.IsNullOrEmpty(target.SectionName))
                {
                    if (PortOf(service, target.SectionName, services, model) is not { } found)
                    {
                        ctx.NotImported(read.Source, path + ".sectionName", services.ContainsKey(service)
                            ? $"Service '{service}' has no port named '{target.SectionName}', so the policy attaches to nothing; it was not imported for this target."
                            : $"Port '{target.SectionName}' of Service '{service}' is named by no Service or route of the input (and is not of the form <protocol>-<port>); the policy was not imported for this target. Include the Service to import it.");
                        continue;
                    }
                    (port, protocol) = found;
                }
                var key = new PolicyTarget { Service = service, Port = port };
                if (setBy.TryGetValue(key, out var winner))
                {
                    ctx.NotImported(read.Source, path, $"BackendTLSPolicy '{winner}' already sets the TLS of {(port is null ? $"'{service}'" : $"port {port} of '{service}'")} and takes precedence (the older policy, then the first by namespace/name); this target was not imported.");
                    continue;
                }
                setBy[key] = id;
                // The host called: the Service's FQDN, or for a leaf Service (a subset) its parent's, which clients call.
                var called = services.TryGetValue(service, out var core) && core.Metadata?.Annotations is { } annotations
                    && annotations.TryGetValue(LeafServiceLabels.SubsetOf, out var mark) && LeafServiceLabels.TryParse(mark, out var parent, out _)
                    ? new ServiceRef(parent, service.Namespace) : service;
                var sni = tls.Sni == service.ToFqdn() || tls.Sni == called.ToFqdn() ? null : tls.Sni;
                if (sni is null) ctx.Note(read.Source, "$.spec.validation.hostname", $"The hostname is the FQDN of the Service called ('{called}'): read as no SNI (the model's default: the host called).");
                model.Refer(service, port, protocol, read.Source, path, $"targetRef of BackendTLSPolicy '{id}'");
                var index = model.DestinationPolicies.FindIndex(p => p.Target == key);
                if (index < 0) model.DestinationPolicies.Add(new DestinationPolicy { Target = key, Tls = tls with { Sni = sni } });
                else model.DestinationPolicies[index] = model.DestinationPolicies[index] with { Tls = tls with { Sni = sni } };
            }
        }
    }

    /// <summary>The port <paramref name="section"/> names: by the Service of the input, a route's parentRef, or its <c>&lt;protocol&gt;-&lt;port&gt;</c> form (the model's default name) when neither exists.</summary>
    private static (int Port, Protocol Protocol)? PortOf(ServiceRef service, string section, IReadOnlyDictionary<ServiceRef, CoreService> services, ModelBuilder model)
    {
        if (services.TryGetValue(service, out var core))
        {
            return core.Spec?.Ports?.FirstOrDefault(p => p?.Name == section) is { Port: { } number } ? (number, Protocol.Http) : null;
        }
        if (model.PortNamed(service, section) is { } named) return (named, Protocol.Http);
        var dash = section.LastIndexOf('-');
        if (dash > 0 && WireNames.TryParse<Protocol>(section[..dash], out var protocol)
            && int.TryParse(section.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535
            && port.ToString(CultureInfo.InvariantCulture) == section[(dash + 1)..])
        {
            model.AddPort(service, port, protocol);
            return (port, protocol);
        }
        return null;
    }

    /// <summary>The client TLS <paramref name="validation"/> says, with the hostname as SNI, or null (reported) when the model cannot hold it.</summary>
    private static ClientTls? Validation(BackendTlsValidation? validation, string source, ImportContext ctx)
    {
        const string At = "$.spec.validation";
        if (validation is null)
        {
            ctx.Invalid(source, At, "A BackendTLSPolicy needs validation (at least the hostname and the CA certificates).");
            return null;
        }
        var ok = true;
        if (string.IsNullOrEmpty(validation.Hostname) || !IsHostname(validation.Hostname))
        {
            ctx.Invalid(source, At + ".hostname", $"'{validation.Hostname}' is not a host name: validation.hostname is required, a lower-case DNS name without wildcard.");
            ok = false;
        }
        var sans = new List<string>();
        var listed = validation.SubjectAltNames ?? [];
        if (listed.Count > MaxSubjectAltNames)
        {
            ctx.Invalid(source, At + ".subjectAltNames", $"A BackendTLSPolicy takes at most {MaxSubjectAltNames} subject alternative names, not {listed.Count}.");
            ok = false;
        }
        for (var j = 0; j < listed.Count; j++)
        {
            var san = listed[j];
            var path = $"{At}.subjectAltNames[{j}]";
            switch (san?.Type)
            {
                case "Hostname" when !string.IsNullOrEmpty(san.Hostname) && string.IsNullOrEmpty(san.Uri):
                    sans.Add(san.Hostname);
                    break;
                case "URI" when !string.IsNullOrEmpty(san.Uri) && string.IsNullOrEmpty(san.Hostname):
                    if (san.Uri.Any(char.IsWhiteSpace))
                    {
                        ctx.NotImported(source, path + ".uri", $"'{san.Uri}' holds spaces, which the model's subject alternative names cannot; the policy was not imported (fewer names would accept other certificates).");
                        return null;
                    }
                    sans.Add(san.Uri);
                    break;
                case "Hostname" or "URI":
                    ctx.Invalid(source, path, $"A subject alternative name of type {san.Type} needs {(san.Type == "URI" ? "uri" : "hostname")} and no {(san.Type == "URI" ? "hostname" : "uri")}.");
                    ok = false;
                    break;
                default:
                    ctx.Invalid(source, path + ".type", $"'{san?.Type}' is not a subject alternative name type (Hostname, URI).");
                    ok = false;
                    break;
            }
        }

        var refs = validation.CaCertificateRefs ?? [];
        var wellKnown = validation.WellKnownCaCertificates;
        string? credential = null;
        if (refs.Count > 0 && !string.IsNullOrEmpty(wellKnown))
        {
            ctx.Invalid(source, At, "validation must not hold both caCertificateRefs and wellKnownCACertificates.");
            return null;
        }
        if (refs.Count == 0 && string.IsNullOrEmpty(wellKnown))
        {
            ctx.Invalid(source, At, "validation needs caCertificateRefs or wellKnownCACertificates.");
            return null;
        }
        if (!string.IsNullOrEmpty(wellKnown) && wellKnown != SystemCas)
        {
            ctx.NotImported(source, At + ".wellKnownCACertificates", $"'{wellKnown}' is an implementation's own set of CA certificates, which the model cannot name (it knows the system roots and credentials); the policy was not imported.");
            return null;
        }
        if (refs.Count > 0)
        {
            var first = refs[0];
            if (string.IsNullOrEmpty(first?.Name))
            {
                ctx.Invalid(source, At + ".caCertificateRefs[0].name", "A CA certificate reference needs a name.");
                return null;
            }
            if (!BackendMapping.IsCoreGroup(first.Group) || first.Kind is not (SecretKind or ConfigMapKind))
            {
                ctx.NotImported(source, At + ".caCertificateRefs[0]", $"The model names CA certificates by credential (a Secret, or a ConfigMap read as one); a {first.Kind} of group '{first.Group}' was not imported, nor the policy (the system roots would accept other servers).");
                return null;
            }
            credential = first.Name;
            if (first.Kind == ConfigMapKind)
            {
                ctx.Note(source, At + ".caCertificateRefs[0]", $"ConfigMap '{first.Name}' is read as the credential of the CA certificates (credentialName): the model names CA bundles by credential, which other meshes read from a Secret of that name.");
            }
            for (var j = 1; j < refs.Count; j++)
            {
                ctx.NotImported(source, $"{At}.caCertificateRefs[{j}]", "The model holds one CA credential per destination; this further CA bundle was not imported (the server is verified with the first one).");
            }
        }
        return ok ? new ClientTls { Mode = ClientTlsMode.Simple, Sni = validation.Hostname, SubjectAltNames = [.. sans], CredentialName = credential } : null;
    }

    /// <summary>A lower-case DNS name as <c>validation.hostname</c> and <c>sectionName</c> take it (RFC 1123 subdomain, at most 253 characters).</summary>
    internal static bool IsHostname(string? text) => text is { Length: > 0 and <= 253 } && HostPattern().IsMatch(text);

    /// <summary>A subject alternative name of type Hostname (an optional leading <c>*.</c> wildcard).</summary>
    internal static bool IsSanHostname(string text) => text.Length <= 253 && SanHostPattern().IsMatch(text);

    /// <summary>A subject alternative name of type URI: a scheme and an authority.</summary>
    internal static bool IsSanUri(string text) => text.Length <= 253 && SanUriPattern().IsMatch(text);

    private static bool IsSectionName(string text) => IsHostname(text);

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex HostPattern();

    [GeneratedRegex(@"^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex SanHostPattern();

    [GeneratedRegex(@"^(([^:/?#]+):)(//([^/?#]*))([^?#]*)(\?([^#]*))?(#(.*))?", RegexOptions.CultureInvariant)]
    private static partial Regex SanUriPattern();
}
