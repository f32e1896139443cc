using Mesh.Collections;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.AppMesh.Resources;
using Mesh.Providers.AppMesh.Translation;

namespace Mesh.Providers.AppMesh.Mapping;

/// <summary>
/// Gateways ↔ VirtualGateways: the workloads are the <c>podSelector</c>; each HTTP or HTTPS listener is a listener of the
/// gateway's port (<c>portMapping.protocol: http</c>), an HTTPS one with <c>tls.mode: STRICT</c> and its certificate — the
/// credential as an SDS secret (<c>certificate.sds.secretName</c>), files as <c>certificate.file</c> — and, for mutual TLS,
/// <c>tls.validation</c> trusting the credential's secret or the CA file, with the subject alternative names. App Mesh listeners
/// have no host names (the bound routes' hostname matches carry them: <see cref="GatewayRouteMapping"/>), no TLS passthrough,
/// no TCP and no redirect: those listeners are reported and not written. The gateway selects its routes by namespace
/// (<c>namespaceSelector</c> on <c>kubernetes.io/metadata.name</c>) and by the two labels every route written for it carries
/// (<c>gatewayRouteSelector</c>), so two gateways may take routes from one namespace.
/// </summary>
internal static class GatewayMapping
{
    /// <summary>The label of a written gateway route that names its gateway.</summary>
    public const string GatewayLabel = "mesh-sdk.io/gateway";

    /// <summary>The label of a written gateway route that names its gateway's namespace.</summary>
    public const string GatewayNamespaceLabel = "mesh-sdk.io/gateway-namespace";

    /// <summary>The label Kubernetes sets on every namespace to its name.</summary>
    public const string NamespaceNameLabel = "kubernetes.io/metadata.name";

    // Model → App Mesh.

    /// <summary>A gateway as written: its resource and the port each written listener of the model is on.</summary>
    internal sealed class Planned(Model.Gateway gateway, int index, VirtualGateway resource)
    {
        public Model.Gateway Gateway { get; } = gateway;

        public int Index { get; } = index;

        public VirtualGateway Resource { get; } = resource;

        /// <summary>The written listeners by model listener name, in model order, with the hosts each serves.</summary>
        public List<(GatewayListener Listener, int Port)> Listeners { get; } = [];

        /// <summary>The namespaces of the routes written for it.</summary>
        public SortedSet<string> RouteNamespaces { get; } = new(StringComparer.Ordinal);

        /// <summary>The number of App Mesh listeners (ports) written.</summary>
        public int Ports => Resource.Spec.Listeners?.Count ?? 0;

        /// <summary>The next priority of a route of this gateway (the model's order: route, rule, match, listener, host).</summary>
        public int NextPriority { get; set; }
    }

    public static List<Planned> ToAppMesh(MeshConfig config, AppMeshExportContext ctx)
    {
        var planned = new List<Planned>();
        for (var i = 0; i < config.Gateways.Count; i++)
        {
            var gateway = config.Gateways[i];
            var path = $"$.spec.gateways[{i}]";
            if (gateway.ClassName is not null)
            {
                ctx.Unsupported($"{path}.className", $"An App Mesh VirtualGateway runs on the pods its podSelector picks; gateway class '{gateway.ClassName}' (Gateway API's provisioning) is not written.");
            }
            if (gateway.Workloads.IsEmpty)
            {
                ctx.Unsupported($"{path}.workloads", "The gateway names no workloads: the VirtualGateway is written without a podSelector, which App Mesh reads as no pod, so no Envoy runs it until one is added.");
            }
            var resource = new VirtualGateway
            {
                Metadata = { Name = gateway.Name, NamespaceProperty = gateway.Namespace },
                Spec =
                {
                    PodSelector = gateway.Workloads.IsEmpty ? null : new AppMeshLabelSelector { MatchLabels = Lists.OrNull(gateway.Workloads) },
                    GatewayRouteSelector = new AppMeshLabelSelector { MatchLabels = new Dictionary<string, string>(StringComparer.Ordinal) { [GatewayLabel] = gateway.Name, [GatewayNamespaceLabel] = gateway.Namespace } },
                },
            };
            var plan = new Planned(gateway, i, Ownership.From(resource, ModelObjectNames.Of(gateway)));
            var listeners = new List<VirtualGatewayListener>();
            for (var j = 0; j < gateway.Listeners.Count; j++)
            {
                var listener = gateway.Listeners[j];
                var at = $"{path}.listeners[{j}]";
                if (listener.Protocol is ListenerProtocol.Tls or ListenerProtocol.Tcp)
                {
                    ctx.Unsupported(at, $"App Mesh virtual gateway listeners speak http, http2 or grpc only: the {WireNames.Of(listener.Protocol)} listener '{listener.Name}' on port {listener.Port} is not written (no TLS passthrough or TCP at an App Mesh gateway), nor the routes bound to it.");
                    continue;
                }
                if (listener.HttpsRedirect)
                {
                    ctx.Unsupported($"{at}.httpsRedirect", $"App Mesh gateway routes cannot redirect: listener '{listener.Name}' is not written, so requests on port {listener.Port} are refused instead of redirected to HTTPS.");
                    continue;
                }
                var tls = Tls(listener, at, ctx);
                if (plan.Listeners.FirstOrDefault(l => l.Port == listener.Port) is { Listener: { } same })
                {
                    if (same.Protocol == listener.Protocol && same.Tls == listener.Tls)
                    {
                        ctx.Note(at, $"App Mesh has one listener a port: listener '{listener.Name}' shares the listener of '{same.Name}' on port {listener.Port}; its hosts are the hostname matches of the routes bound to it.");
                        plan.Listeners.Add((listener, listener.Port));
                    }
                    else
                    {
                        ctx.Unsupported(at, $"App Mesh has one listener, with one certificate, a port: listener '{listener.Name}' differs from '{same.Name}' on port {listener.Port} in its protocol or TLS and is not written, nor the routes bound to it.");
                    }
                    continue;
                }
                if (!listener.Hosts.IsEmpty && !listener.Hosts.Contains("*"))
                {
                    ctx.Note($"{at}.hosts", "App Mesh listeners have no host names: the hosts are written as the hostname matches of the gateway routes bound to this listener.");
                }
                plan.Listeners.Add((listener, listener.Port));
                listeners.Add(new VirtualGatewayListener { PortMapping = new PortMapping { Port = listener.Port, Protocol = "http" }, Tls = tls });
            }
            resource.Spec.Listeners = Lists.OrNull(listeners);
            if (listeners.Count == 0)
            {
                ctx.Unsupported(path, "No listener of the gateway can be written: the VirtualGateway is not written, nor the routes bound to it.");
                continue;
            }
            planned.Add(plan);
        }
        return planned;
    }

    /// <summary>Sets each written gateway's namespace selector to the namespaces of its routes (its own when it has none).</summary>
    public static void SelectRouteNamespaces(List<Planned> planned)
    {
        foreach (var plan in planned)
        {
            var namespaces = plan.RouteNamespaces.Count == 0 ? [plan.Gateway.Namespace] : plan.RouteNamespaces.ToList();
            plan.Resource.Spec.NamespaceSelector = new AppMeshLabelSelector
            {
                MatchExpressions = [new AppMeshLabelSelectorRequirement { Key = NamespaceNameLabel, Operator = "In", Values = namespaces }],
            };
        }
    }

    private static ListenerTls? Tls(GatewayListener listener, string path, AppMeshExportContext ctx)
    {
        if (listener.Protocol != ListenerProtocol.Https || listener.Tls is not { } tls) return null;
        var at = $"{path}.tls";
        var result = new ListenerTls { Mode = "STRICT" };
        if (tls.Files is { } files)
        {
            result.Certificate = new TlsCertificate { File = new TlsFileCertificate { CertificateChain = files.CertificateChain, PrivateKey = files.PrivateKey } };
        }
        else if (tls.CredentialName is { } credential)
        {
            result.Certificate = new TlsCertificate { Sds = new TlsSdsSource { SecretName = credential } };
            ctx.ApproximatedOnce($"{at}.credentialName", $"App Mesh's Envoy takes certificates from an SDS agent (such as SPIRE's), not from Kubernetes Secrets: the certificate{(tls.Mode == GatewayTlsMode.Mutual ? " and the CA that verifies clients are" : " is")} written as SDS secret '{credential}', which the agent must serve.");
        }
        if (tls.Mode != GatewayTlsMode.Mutual) return result;
        var trust = tls.Files is { CaCertificates: { } ca } ? new TlsValidationTrust { File = new TlsFileTrust { CertificateChain = ca } }
            : tls.CredentialName is { } name ? new TlsValidationTrust { Sds = new TlsSdsSource { SecretName = name } }
            : null;
        if (trust is null)
        {
            ctx.Unsupported(at, "Mutual TLS needs a CA to verify clients (caCertificates or the credential): without one the listener is written as one-way TLS.");
            return result;
        }
        result.Validation = new TlsValidationContext
        {
            Trust = trust,
            SubjectAlternativeNames = tls.SubjectAltNames.IsEmpty ? null : new SubjectAlternativeNames { Match = new SubjectAlternativeNameMatchers { Exact = [.. tls.SubjectAltNames] } },
        };
        return result;
    }

    // App Mesh → model.

    /// <summary>A VirtualGateway read: the model gateway and the port of each listener (by name).</summary>
    internal sealed record Read(ImportDocument<VirtualGateway> Document, Model.Gateway Gateway)
    {
        /// <summary>The name of the listener on <paramref name="port"/>, or null.</summary>
        public string? ListenerOn(int port) => Gateway.Listeners.FirstOrDefault(l => l.Port == port)?.Name;
    }

    public static Read? ToModel(ImportDocument<VirtualGateway> document, ImportContext ctx)
    {
        var (source, spec) = (document.Source, document.Resource.Spec);
        if (spec.MeshRef is not null) ctx.NotImportedInfo(source, "$.spec.meshRef", "The mesh reference is set by the App Mesh controller.");
        if (spec.AwsName is not null) ctx.NotImportedInfo(source, "$.spec.awsName", "The model names the gateway after the resource; its App Mesh name is not kept.");
        if (spec.BackendDefaults is not null) ctx.NotImported(source, "$.spec.backendDefaults", "The gateway's client TLS to the services is not in the model's gateway; it was not imported.");
        if (spec.Logging is not null) ctx.NotImported(source, "$.spec.logging", "The model's access logging selects workloads of services, not gateways; the gateway's access log was not imported.");
        if (spec.NamespaceSelector?.MatchLabels is { Count: > 0 } namespaceLabels && namespaceLabels.Keys.Any(k => k != NamespaceNameLabel))
        {
            ctx.NotImportedInfo(source, "$.spec.namespaceSelector.matchLabels", "The input has no Namespaces to match these labels against: the gateway is taken to select the routes of every namespace (its route selector still applies). The model binds routes by gateway; the export selects the routes' namespaces by name.");
        }
        if (spec.NamespaceSelector?.MatchExpressions?.Any(e => e?.Key != NamespaceNameLabel) == true)
        {
            ctx.NotImportedInfo(source, "$.spec.namespaceSelector.matchExpressions", "The input has no Namespaces to match these requirements against: only those on kubernetes.io/metadata.name were applied. The model binds routes by gateway; the export selects the routes' namespaces by name.");
        }
        if (spec.GatewayRouteSelector?.MatchExpressions is { Count: > 0 })
        {
            ctx.NotImported(source, "$.spec.gatewayRouteSelector.matchExpressions", "Only the route selector's matchLabels were applied: routes its set-based requirements exclude may have been read as the gateway's.");
        }
        var workloads = new EquatableMap<string>();
        if (spec.PodSelector is { } pods)
        {
            if (pods.MatchExpressions is { Count: > 0 }) ctx.NotImported(source, "$.spec.podSelector.matchExpressions", "The model's gateway workloads are labels with values: the set-based requirements were not imported (the gateway runs on more pods).");
            workloads = (pods.MatchLabels ?? []).ToEquatableMap();
            if (workloads.IsEmpty) ctx.NotImported(source, "$.spec.podSelector", "An empty podSelector runs the gateway on every pod of its namespace; the model's gateway names no workloads.");
        }
        else
        {
            ctx.NotImportedInfo(source, "$.spec", "Without a podSelector no pod runs the gateway; the model's gateway names no workloads.");
        }
        var listeners = new List<GatewayListener>();
        for (var i = 0; i < (spec.Listeners?.Count ?? 0); i++)
        {
            if (spec.Listeners![i] is { } listener && Listener(listener, $"$.spec.listeners[{i}]", source, listeners, ctx) is { } read) listeners.Add(read);
        }
        if (listeners.Count == 0)
        {
            ctx.NotImported(source, "$.spec.listeners", "The VirtualGateway has no listener the model can hold, so it was not imported (nor the gateway routes that attach to it).");
            return null;
        }
        return new Read(document, new Model.Gateway { Name = document.Name, Namespace = document.Namespace, Workloads = workloads, Listeners = [.. listeners] });
    }

    private static GatewayListener? Listener(VirtualGatewayListener listener, string path, string source, List<GatewayListener> earlier, ImportContext ctx)
    {
        if (listener.PortMapping is not { Port: { } port and >= 1 and <= 65535 } mapping)
        {
            ctx.Invalid(source, $"{path}.portMapping.port", "A listener needs a port in 1–65535.");
            return null;
        }
        switch (mapping.Protocol)
        {
            case "http":
                break;
            case "http2" or "grpc":
                ctx.NotImportedInfo(source, $"{path}.portMapping.protocol", $"{mapping.Protocol} was read as HTTP (a listener that accepts HTTP/1.1 and HTTP/2); it is written back as http.");
                break;
            default:
                ctx.Invalid(source, $"{path}.portMapping.protocol", $"A virtual gateway listener speaks http, http2 or grpc, not '{mapping.Protocol}'.");
                return null;
        }
        if (earlier.Any(l => l.Port == port))
        {
            ctx.Invalid(source, $"{path}.portMapping.port", $"Another listener is on port {port}; this one was not imported.");
            return null;
        }
        if (listener.HealthCheck is not null) ctx.NotImported(source, $"{path}.healthCheck", "The model's gateway listeners have no health check; it was not imported.");
        if (listener.ConnectionPool is not null) ctx.NotImported(source, $"{path}.connectionPool", "The model's gateway listeners have no connection limits; they were not imported.");
        var tls = listener.Tls;
        if (tls is null || tls.Mode == "DISABLED")
        {
            if (tls is not null) ctx.NotImportedInfo(source, $"{path}.tls", "TLS is disabled: the listener is read as plaintext HTTP.");
            return new GatewayListener { Name = $"http-{port}", Port = port, Protocol = ListenerProtocol.Http };
        }
        if (tls.Mode == "PERMISSIVE")
        {
            ctx.NotImported(source, $"{path}.tls.mode", "A PERMISSIVE listener accepts TLS and plaintext; the model's HTTPS listener requires TLS (plaintext requests are refused).");
        }
        else if (tls.Mode != "STRICT")
        {
            ctx.Invalid(source, $"{path}.tls.mode", $"Unknown TLS mode '{tls.Mode}' (STRICT, PERMISSIVE or DISABLED).");
            return null;
        }
        if (Certificate(tls.Certificate, $"{path}.tls.certificate", source, ctx) is not { } certificate) return null;
        var result = certificate;
        if (tls.Validation is { } validation)
        {
            var sans = validation.SubjectAlternativeNames?.Match?.Exact ?? [];
            var trust = validation.Trust;
            if (trust?.File?.CertificateChain is { } ca && result.Files is { } files)
            {
                result = result with { Mode = GatewayTlsMode.Mutual, Files = files with { CaCertificates = ca } };
            }
            else if (trust?.Sds?.SecretName is { } secret && result.CredentialName is { } credential)
            {
                if (secret != credential)
                {
                    ctx.NotImported(source, $"{path}.tls.validation.trust.sds.secretName", $"The model's credential holds the certificate and the CA together: the clients are read as verified against '{credential}', not '{secret}'.");
                }
                result = result with { Mode = GatewayTlsMode.Mutual };
            }
            else
            {
                ctx.NotImported(source, $"{path}.tls.validation", "The model verifies clients against a CA file beside certificate files, or against the certificate's own credential: this trust (ACM, or another source than the certificate's) was not imported, so the listener is read as one-way TLS.");
            }
            if (result.Mode == GatewayTlsMode.Mutual) result = result with { SubjectAltNames = [.. sans.Where(s => !string.IsNullOrEmpty(s)).Distinct(StringComparer.Ordinal)] };
        }
        return new GatewayListener { Name = $"https-{port}", Port = port, Protocol = ListenerProtocol.Https, Tls = result };
    }

    private static GatewayTls? Certificate(TlsCertificate? certificate, string path, string source, ImportContext ctx)
    {
        if (certificate?.File is { CertificateChain: { Length: > 0 } chain, PrivateKey: { Length: > 0 } key })
        {
            return new GatewayTls { Files = new CertificateFiles { CertificateChain = chain, PrivateKey = key } };
        }
        if (certificate?.Sds?.SecretName is { Length: > 0 } secret)
        {
            ImportNotes.Note(ctx, source, $"{path}.sds", $"The SDS secret '{secret}' is read as the listener's credential name.");
            return new GatewayTls { CredentialName = secret };
        }
        if (certificate?.Acm is not null)
        {
            ctx.NotImported(source, $"{path}.acm", "The model's gateway certificates are credentials or files, not ACM certificates: the listener was not imported.");
            return null;
        }
        ctx.Invalid(source, path, "A TLS listener needs a certificate (file with certificateChain and privateKey, sds or acm).");
        return null;
    }
}
