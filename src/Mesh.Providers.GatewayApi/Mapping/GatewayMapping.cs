using Mesh.Collections;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.GatewayApi.Resources;
using Mesh.Providers.GatewayApi.Translation;
using Mesh.Validation;

namespace Mesh.Providers.GatewayApi.Mapping;

/// <summary>
/// Gateways ↔ Gateway API <c>Gateway</c>s: the class is <c>gatewayClassName</c> (the model's, else
/// <see cref="GatewayApiOptions.GatewayClassName"/>); a listener with several hosts becomes one listener per host (the
/// first keeps its name, the others are <c>NAME-2</c>, <c>NAME-3</c>, … and are read back as one); TLS terminate ↔
/// <c>Terminate</c> with the credential as a Secret <c>certificateRefs</c>, passthrough ↔ <c>Passthrough</c>. Listeners take
/// routes from every namespace (<c>allowedRoutes.namespaces.from: All</c>) when a route (HTTP, TLS or TCP) of another namespace binds to them;
/// their route kinds are left to the protocol's defaults (HTTPRoute on HTTP and HTTPS, TLSRoute on TLS, TCPRoute on TCP).
/// An HTTP listener that redirects to HTTPS gets an HTTPRoute of its own (<c>GATEWAY-LISTENER-https-redirect</c>): one rule,
/// a <c>RequestRedirect</c> to scheme https with 301, bound to the listener; read back as the redirect (<see cref="IsHttpsRedirect"/>).
/// Not expressible and reported: the workloads (Gateway API provisions by class), mutual TLS, certificate files.
/// </summary>
internal static class GatewayMapping
{
    public static List<Resources.Gateway> ToGatewayApi(MeshConfig config, RouteExportContext ctx)
    {
        var result = new List<Resources.Gateway>();
        for (var i = 0; i < config.Gateways.Count; i++)
        {
            var gateway = config.Gateways[i];
            var path = $"$.spec.gateways[{i}]";
            var className = gateway.ClassName ?? ctx.Options.GatewayClassName;
            if (className is null)
            {
                ctx.Unsupported(path, "A Gateway API Gateway names the gateway class that provisions it: set the gateway's className or GatewayApiOptions.GatewayClassName. The gateway is not written.");
                continue;
            }
            if (!gateway.Workloads.IsEmpty)
            {
                ctx.Approximated($"{path}.workloads", $"Gateway API provisions gateway proxies by class ('{className}'); the workload labels are not written.");
            }
            bool Binds(string ns, EquatableArray<GatewayRef> refs) => ns != gateway.Namespace && refs.Any(g => g.Name == gateway.Name && g.Namespace == gateway.Namespace);
            var foreign = config.GatewayRoutes.Any(r => Binds(r.Namespace, r.Gateways)) || config.GatewayTlsRoutes.Any(r => Binds(r.Namespace, r.Gateways)) || config.GatewayTcpRoutes.Any(r => Binds(r.Namespace, r.Gateways));
            var listeners = new List<Listener>();
            for (var l = 0; l < gateway.Listeners.Count; l++)
            {
                listeners.AddRange(Listeners(gateway.Listeners[l], $"{path}.listeners[{l}]", foreign, ctx));
            }
            if (listeners.Count == 0)
            {
                ctx.Unsupported(path, "None of the gateway's listeners can be written; the gateway is not written.");
                continue;
            }
            result.Add(Ownership.From(new Resources.Gateway
            {
                Metadata = { Name = gateway.Name, NamespaceProperty = gateway.Namespace },
                Spec = { GatewayClassName = className, Listeners = listeners },
            }, ModelObjectNames.Of(gateway)));
        }
        return result;
    }

    /// <summary>The HTTPRoutes that redirect the HTTP listeners with <see cref="GatewayListener.HttpsRedirect"/> of the gateways written to HTTPS.</summary>
    public static List<Resources.HttpRoute> HttpsRedirects(MeshConfig config, IReadOnlyCollection<Resources.Gateway> written)
    {
        var result = new List<Resources.HttpRoute>();
        for (var g = 0; g < config.Gateways.Count; g++)
        {
            var gateway = config.Gateways[g];
            if (!written.Any(w => w.Metadata.Name == gateway.Name && w.Metadata.NamespaceProperty == gateway.Namespace)) continue;
            for (var l = 0; l < gateway.Listeners.Count; l++)
            {
                var listener = gateway.Listeners[l];
                if (!listener.HttpsRedirect) continue;
                result.Add(Ownership.From(new Resources.HttpRoute
                {
                    Metadata = { Name = $"{gateway.Name}-{listener.Name}-https-redirect", NamespaceProperty = gateway.Namespace },
                    Spec = new HttpRouteSpec
                    {
                        ParentRefs = [.. Names(listener).Select(n => new ParentReference { Group = GatewayRouteMapping.GatewayGroup, Kind = Resources.Gateway.KubeKind, Name = gateway.Name, SectionName = n })],
                        Rules = [new Resources.HttpRouteRule { Filters = [new HttpRouteFilter { Type = "RequestRedirect", RequestRedirect = new HttpRequestRedirectFilter { Scheme = "https", StatusCode = 301 } }] }],
                    },
                }, ModelObjectNames.Of(gateway)));
            }
        }
        return result;
    }

    /// <summary>
    /// Whether an HTTPRoute is a listener's redirect to HTTPS: no host names, one rule without matches (or matching every
    /// path) whose only filter redirects to scheme https with 301, bound by <c>sectionName</c> to listeners of one Gateway.
    /// </summary>
    public static bool IsHttpsRedirect(HttpRouteSpec spec) =>
        spec.Hostnames is null or { Count: 0 }
        && spec.ParentRefs is { Count: > 0 } parents
        && parents.All(p => GatewayRouteMapping.IsGateway(p) && !string.IsNullOrEmpty(p!.SectionName) && p.Port is null && p.Name == parents[0]!.Name && p.Namespace == parents[0]!.Namespace)
        && spec.Rules is [{ BackendRefs: null or { Count: 0 }, Timeouts: null } rule]
        && (rule.Matches is null or { Count: 0 } || rule.Matches is [{ Path: { Type: "PathPrefix", Value: "/" }, Headers: null, QueryParams: null, Method: null }])
        && rule.Filters is [{ Type: "RequestRedirect", RequestRedirect: { Scheme: "https", Hostname: null, Path: null, Port: null, StatusCode: null or 301 } }];

    /// <summary>The Gateway API listener names a model listener is written as, one per host (one when it lists none).</summary>
    public static IEnumerable<string> Names(GatewayListener listener) =>
        listener.Hosts.Count <= 1 ? [listener.Name] : listener.Hosts.Select((_, k) => k == 0 ? listener.Name : $"{listener.Name}-{k + 1}");

    private static IEnumerable<Listener> Listeners(GatewayListener listener, string path, bool foreign, RouteExportContext ctx)
    {
        ListenerTls? tls = null;
        if (listener.Tls is { } settings)
        {
            if (settings.Mode == GatewayTlsMode.Mutual)
            {
                ctx.Unsupported($"{path}.tls.mode", "Client certificate verification is not a listener setting of Gateway API (the Gateway's spec.tls.frontend validation is extended support); the mutual-TLS listener is not written, rather than written without verifying clients.");
                yield break;
            }
            if (settings.Files is not null)
            {
                ctx.Unsupported($"{path}.tls.files", "Gateway API listeners take certificates from Secrets (certificateRefs), not files; the listener is not written.");
                yield break;
            }
            tls = settings.Mode == GatewayTlsMode.Passthrough
                ? new ListenerTls { Mode = "Passthrough" }
                : new ListenerTls { Mode = "Terminate", CertificateRefs = [new SecretObjectReference { Kind = "Secret", Name = settings.CredentialName }] };
        }
        var protocol = listener.Protocol switch
        {
            ListenerProtocol.Https => "HTTPS",
            ListenerProtocol.Tls => "TLS",
            ListenerProtocol.Tcp => "TCP",
            _ => "HTTP",
        };
        if (listener.Protocol == ListenerProtocol.Tcp && !listener.Hosts.IsEmpty)
        {
            ctx.Unsupported($"{path}.hosts", "A TCP listener has no host name in Gateway API (TCP carries none); it is written for every host.");
        }
        var hosts = listener.Protocol == ListenerProtocol.Tcp || listener.Hosts.IsEmpty ? [null] : listener.Hosts.Select(h => (string?)h).ToList();
        var names = Names(listener).ToList();
        for (var k = 0; k < hosts.Count; k++)
        {
            yield return new Listener
            {
                Name = names[Math.Min(k, names.Count - 1)],
                Hostname = hosts[k],
                Port = listener.Port,
                Protocol = protocol,
                Tls = tls,
                AllowedRoutes = foreign ? new AllowedRoutes { Namespaces = new RouteNamespaces { From = "All" } } : null,
            };
        }
    }

    /// <summary>
    /// Gateway API → model: a gateway per Gateway; listeners named <c>NAME-n</c> that differ from listener <c>NAME</c> only
    /// in the host are read as its hosts.
    /// </summary>
    public static void ToModel(Resources.Gateway resource, string name, string ns, string source, ModelBuilder model, ImportContext ctx)
    {
        var spec = resource.Spec;
        if (string.IsNullOrEmpty(spec?.GatewayClassName))
        {
            ctx.Invalid(source, "$.spec.gatewayClassName", "A Gateway needs a gatewayClassName.");
            return;
        }
        var listeners = new List<(GatewayListener Listener, List<string> Names)>();
        for (var i = 0; i < (spec.Listeners?.Count ?? 0); i++)
        {
            var path = $"$.spec.listeners[{i}]";
            if (spec.Listeners![i] is not { } listener || Listener(listener, path, source, ctx) is not { } read) continue;
            if (listener.AllowedRoutes?.Namespaces?.From is { } from and not "Same")
            {
                ctx.NotImportedInfo(source, $"{path}.allowedRoutes", $"Routes from {(from == "All" ? "every namespace" : "selected namespaces")} may attach; the model binds routes by reference, and the export opens a listener to the namespaces of the routes that bind to it.");
            }
            var baseName = BaseName(read.Name, listeners.Select(l => l.Listener));
            var same = baseName is null ? -1 : listeners.FindIndex(l => l.Listener.Name == baseName && l.Listener with { Hosts = default } == read with { Name = baseName, Hosts = default });
            if (same >= 0 && !read.Hosts.IsEmpty && !listeners[same].Listener.Hosts.IsEmpty)
            {
                listeners[same] = (listeners[same].Listener with { Hosts = [.. listeners[same].Listener.Hosts, .. read.Hosts] }, [.. listeners[same].Names, read.Name]);
                continue;
            }
            if (listeners.Any(l => l.Listener.ProtocolClashesWith(read) || l.Listener.SharedHost(read) is not null))
            {
                ctx.NotImported(source, path, $"Another listener on port {read.Port} has another protocol or the same host; the model's listeners on one port share the protocol and serve distinct hosts, so this one was not imported.");
                continue;
            }
            listeners.Add((read, [read.Name]));
        }
        if (listeners.Count == 0)
        {
            ctx.NotImported(source, "$.spec.listeners", "The Gateway has no listener the model can hold; it was not imported (routes bound to it are not either).");
            return;
        }
        model.Gateways.Add(new Model.Gateway { Name = name, Namespace = ns, ClassName = spec.GatewayClassName, Listeners = [.. listeners.Select(l => l.Listener)] });
        foreach (var (listener, names) in listeners)
        {
            foreach (var written in names) model.ListenerNames[(ns, name, written)] = listener.Name;
        }
    }

    /// <summary>The listener name <paramref name="name"/> continues (<c>NAME</c> for <c>NAME-2</c>), when one was read.</summary>
    private static string? BaseName(string name, IEnumerable<GatewayListener> earlier)
    {
        var dash = name.LastIndexOf('-');
        if (dash <= 0 || !int.TryParse(name.AsSpan(dash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n < 2) return null;
        var candidate = name[..dash];
        return earlier.Any(l => l.Name == candidate) ? candidate : null;
    }

    private static GatewayListener? Listener(Listener listener, string path, string source, ImportContext ctx)
    {
        if (string.IsNullOrEmpty(listener.Name) || !DnsNames.IsDnsLabel(listener.Name))
        {
            ctx.Invalid(source, $"{path}.name", "A listener needs a name that is a DNS label.");
            return null;
        }
        if (listener.Port is not { } port || port is < 1 or > 65535)
        {
            ctx.Invalid(source, $"{path}.port", "A listener needs a port in 1–65535.");
            return null;
        }
        ListenerProtocol? protocol = listener.Protocol switch
        {
            "HTTP" => ListenerProtocol.Http,
            "HTTPS" => ListenerProtocol.Https,
            "TLS" => ListenerProtocol.Tls,
            "TCP" => ListenerProtocol.Tcp,
            _ => null,
        };
        if (protocol is null)
        {
            ctx.NotImported(source, $"{path}.protocol", $"Protocol '{listener.Protocol}' is not one the model's gateway listeners have (HTTP, HTTPS, TLS, TCP); the listener was not imported.");
            return null;
        }
        if (listener.Hostname is { } host && !DnsNames.IsHostName(host))
        {
            ctx.Invalid(source, $"{path}.hostname", $"'{host}' is not a host name.");
            return null;
        }
        GatewayTls? tls = null;
        if (protocol is ListenerProtocol.Https or ListenerProtocol.Tls)
        {
            var settings = listener.Tls;
            if (settings?.Mode == "Passthrough" && protocol == ListenerProtocol.Tls)
            {
                tls = new GatewayTls { Mode = GatewayTlsMode.Passthrough };
            }
            else if (settings?.CertificateRefs is [{ } certificate, ..] && (certificate.Kind ?? "Secret") == "Secret" && string.IsNullOrEmpty(certificate.Group) && !string.IsNullOrEmpty(certificate.Name))
            {
                if (settings.CertificateRefs.Count > 1) ctx.NotImported(source, $"{path}.tls.certificateRefs[1]", "A model listener has one certificate; only the first was imported.");
                if (certificate.Namespace is { Length: > 0 } other) ctx.NotImported(source, $"{path}.tls.certificateRefs[0].namespace", $"The certificate's Secret is in namespace '{other}' (allowed by a ReferenceGrant there); the model's credential is in the gateway's namespace, where it was read.");
                tls = new GatewayTls { Mode = GatewayTlsMode.Terminate, CredentialName = certificate.Name };
            }
            else
            {
                ctx.NotImported(source, $"{path}.tls", "A listener that terminates TLS needs a Secret in certificateRefs; the listener was not imported.");
                return null;
            }
        }
        else if (listener.Tls is not null)
        {
            ctx.Invalid(source, $"{path}.tls", "HTTP and TCP listeners have no TLS settings.");
            return null;
        }
        return new GatewayListener { Name = listener.Name, Port = port, Protocol = protocol.Value, Hosts = listener.Hostname is { } h ? [h.ToLowerInvariant()] : default, Tls = tls };
    }
}
