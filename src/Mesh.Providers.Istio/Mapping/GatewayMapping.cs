using Mesh.Collections;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Istio.Resources;
using Mesh.Providers.Istio.Translation;
using Mesh.Validation;

namespace Mesh.Providers.Istio.Mapping;

/// <summary>
/// Gateways ↔ Istio <c>Gateway</c>s: the workloads are the <c>selector</c>, each listener a server (<c>port.name</c> is the
/// listener's name, hosts <c>*</c> when it lists none). TLS: terminate ↔ <c>SIMPLE</c>, mutual ↔ <c>MUTUAL</c>, passthrough ↔
/// <c>PASSTHROUGH</c>, the certificate as <c>credentialName</c> or as <c>serverCertificate</c>/<c>privateKey</c>/<c>caCertificates</c>
/// files; an HTTPS redirect is <c>tls.httpsRedirect</c> on an HTTP server.
/// </summary>
internal static class GatewayMapping
{
    public static IEnumerable<Resources.Gateway> ToIstio(MeshConfig config, IstioExportContext ctx)
    {
        for (var i = 0; i < config.Gateways.Count; i++)
        {
            var gateway = config.Gateways[i];
            var path = $"$.spec.gateways[{i}]";
            if (gateway.ClassName is not null)
            {
                ctx.Unsupported($"{path}.className", $"Istio's Gateway resource runs on the workloads its selector picks; gateway class '{gateway.ClassName}' (Gateway API's provisioning) is not written.");
            }
            if (gateway.Workloads.IsEmpty)
            {
                ctx.Approximated($"{path}.workloads", "The gateway names no workloads: the Istio Gateway is written without a selector, which picks every gateway workload of the mesh.");
            }
            yield return Ownership.From(new Resources.Gateway
            {
                Metadata = { Name = gateway.Name, NamespaceProperty = gateway.Namespace },
                Spec =
                {
                    Selector = gateway.Workloads.IsEmpty ? null : new Dictionary<string, string>(gateway.Workloads, StringComparer.Ordinal),
                    Servers = [.. gateway.Listeners.Select(Server)],
                },
            }, ModelObjectNames.Of(gateway));
        }
    }

    private static Server Server(GatewayListener listener) => new()
    {
        Port = new Resources.ServicePort { Number = listener.Port, Name = listener.Name, Protocol = Protocol(listener.Protocol) },
        Hosts = listener.Hosts.IsEmpty ? ["*"] : [.. listener.Hosts],
        Tls = listener.Tls is { } tls
            ? new ServerTlsSettings
            {
                Mode = tls.Mode switch { GatewayTlsMode.Mutual => "MUTUAL", GatewayTlsMode.Passthrough => "PASSTHROUGH", _ => "SIMPLE" },
                CredentialName = tls.CredentialName,
                ServerCertificate = tls.Files?.CertificateChain,
                PrivateKey = tls.Files?.PrivateKey,
                CaCertificates = tls.Files?.CaCertificates,
                SubjectAltNames = Lists.OrNull(tls.SubjectAltNames),
            }
            : listener.HttpsRedirect ? new ServerTlsSettings { HttpsRedirect = true } : null,
    };

    private static string Protocol(ListenerProtocol protocol) => protocol switch
    {
        ListenerProtocol.Https => "HTTPS",
        ListenerProtocol.Tls => "TLS",
        ListenerProtocol.Tcp => "TCP",
        _ => "HTTP",
    };

    /// <summary>Istio → model: one gateway per Gateway; a server the model cannot hold is reported and left out.</summary>
    public static void ToModel(Resources.Gateway resource, string ns, string source, ModelBuilder model, IstioImportContext ctx)
    {
        var name = ctx.NameOf(resource, source);
        var spec = resource.Spec;
        var listeners = new List<GatewayListener>();
        for (var i = 0; i < (spec?.Servers?.Count ?? 0); i++)
        {
            if (spec!.Servers![i] is { } server && Listener(server, $"$.spec.servers[{i}]", source, listeners, ctx) is { } listener) listeners.Add(listener);
        }
        if (listeners.Count == 0)
        {
            ctx.NotImported(source, "$.spec.servers", "The Gateway has no server the model can hold, so it was not imported (routes bound to it are not either).");
            return;
        }
        model.Gateways.Add(new Model.Gateway
        {
            Name = name,
            Namespace = ns,
            Workloads = (spec?.Selector ?? []).Where(e => e.Value is not null).ToEquatableMap(),
            Listeners = [.. listeners],
        });
    }

    private static GatewayListener? Listener(Server server, string path, string source, List<GatewayListener> earlier, IstioImportContext ctx)
    {
        var port = server.Port;
        if (port?.Number is not { } number || number is < 1 or > 65535)
        {
            ctx.Invalid(source, $"{path}.port.number", "A server needs a port number in 1–65535.");
            return null;
        }
        ListenerProtocol? protocol = port.Protocol?.ToUpperInvariant() switch
        {
            "HTTP" => ListenerProtocol.Http,
            "HTTPS" => ListenerProtocol.Https,
            "TLS" => ListenerProtocol.Tls,
            "TCP" => ListenerProtocol.Tcp,
            "HTTP2" or "GRPC" => ListenerProtocol.Http,
            _ => null,
        };
        if (protocol is null)
        {
            ctx.NotImported(source, $"{path}.port.protocol", $"Protocol '{port.Protocol}' is not one the model's gateway listeners have (HTTP, HTTPS, TLS, TCP); the server was not imported.");
            return null;
        }
        if (port.Protocol!.ToUpperInvariant() is "HTTP2" or "GRPC")
        {
            ctx.NotImportedInfo(source, $"{path}.port.protocol", $"{port.Protocol} was read as HTTP (a plaintext listener that accepts HTTP/1.1 and HTTP/2); it is written back as HTTP.");
        }
        var listenerName = port.Name is { } n && DnsNames.IsDnsLabel(n) ? n : server.Name is { } s && DnsNames.IsDnsLabel(s) ? s : $"{protocol.Value.ToString().ToLowerInvariant()}-{number}";
        if (port.Name is not null && port.Name != listenerName) ctx.NotImportedInfo(source, $"{path}.port.name", $"'{port.Name}' is not a DNS label; the listener is named '{listenerName}'.");
        if (server.Name is not null && server.Name != listenerName) ctx.NotImportedInfo(source, $"{path}.name", $"The listener is named after the port ('{listenerName}'); the server's name '{server.Name}' is not kept.");
        var hosts = new List<string>();
        for (var h = 0; h < (server.Hosts?.Count ?? 0); h++)
        {
            var host = server.Hosts![h];
            if (host is null) continue;
            var slash = host.IndexOf('/', StringComparison.Ordinal);
            if (slash >= 0)
            {
                if (host[..slash] is not ("*" or "."))
                {
                    ctx.NotImported(source, $"{path}.hosts[{h}]", $"'{host}' limits the VirtualServices that may bind to namespace '{host[..slash]}'; the model binds routes by gateway, and the host is read as '{host[(slash + 1)..]}'.");
                }
                host = host[(slash + 1)..];
            }
            if (host != "*" && !DnsNames.IsHostName(host))
            {
                ctx.Invalid(source, $"{path}.hosts[{h}]", $"'{host}' is not a host name.");
                return null;
            }
            hosts.Add(host);
        }
        var (tls, redirect) = Tls(server.Tls, protocol.Value, path, source, ctx);
        if (tls is null && protocol is ListenerProtocol.Https or ListenerProtocol.Tls) return null;
        var listener = new GatewayListener { Name = listenerName, Port = number, Protocol = protocol.Value, Hosts = [.. hosts], Tls = tls, HttpsRedirect = redirect };
        if (earlier.Any(l => l.Name == listener.Name))
        {
            listener = listener with { Name = $"{listener.Name}-{number}" };
            ctx.NotImportedInfo(source, $"{path}.port.name", $"Another server is named '{listenerName}'; this listener is named '{listener.Name}'.");
        }
        if (earlier.FirstOrDefault(l => l.ProtocolClashesWith(listener)) is { } clash)
        {
            ctx.NotImported(source, path, $"Port {number} is already a {WireNames.Of(clash.Protocol)} server ('{clash.Name}'); the model's listeners on one port share the protocol, so this server was not imported.");
            return null;
        }
        if (earlier.FirstOrDefault(l => l.SharedHost(listener) is not null) is { } same)
        {
            ctx.NotImported(source, path, $"Server '{same.Name}' on port {number} already serves these hosts; Istio uses the first, so this server was not imported.");
            return null;
        }
        return listener;
    }

    private static (GatewayTls? Tls, bool Redirect) Tls(ServerTlsSettings? settings, ListenerProtocol protocol, string path, string source, IstioImportContext ctx)
    {
        var tlsPath = $"{path}.tls";
        if (protocol is ListenerProtocol.Http or ListenerProtocol.Tcp)
        {
            if (settings is null) return (null, false);
            var redirect = settings.HttpsRedirect is true && protocol == ListenerProtocol.Http;
            if (settings.HttpsRedirect is true && !redirect) ctx.NotImported(source, $"{tlsPath}.httpsRedirect", "Only an HTTP server redirects to HTTPS.");
            if (settings.Mode is not null || settings.CredentialName is not null || settings.ServerCertificate is not null)
            {
                ctx.NotImported(source, tlsPath, $"A {protocol.ToString().ToUpperInvariant()} server is plaintext: its TLS settings apply to HTTPS and TLS servers only.");
            }
            return (null, redirect);
        }
        if (settings is null)
        {
            ctx.Invalid(source, tlsPath, $"A{(protocol == ListenerProtocol.Https ? "n HTTPS" : " TLS")} server needs TLS settings.");
            return (null, false);
        }
        if (settings.HttpsRedirect is true) ctx.NotImportedInfo(source, $"{tlsPath}.httpsRedirect", "An HTTPS server is already HTTPS: the redirect does nothing.");
        GatewayTlsMode? mode = (settings.Mode ?? "SIMPLE") switch
        {
            "SIMPLE" => GatewayTlsMode.Terminate,
            "MUTUAL" => GatewayTlsMode.Mutual,
            "PASSTHROUGH" => GatewayTlsMode.Passthrough,
            _ => null,
        };
        if (mode is null)
        {
            ctx.NotImported(source, $"{tlsPath}.mode", $"TLS mode {settings.Mode} (Istio's own, for multi-network gateways and mesh mTLS) has no model form; the server was not imported.");
            return (null, false);
        }
        if (mode == GatewayTlsMode.Passthrough && protocol == ListenerProtocol.Https)
        {
            ctx.NotImported(source, $"{tlsPath}.mode", "An HTTPS server that passes TLS through is a TLS server: the gateway cannot route its requests. The server was not imported.");
            return (null, false);
        }
        CertificateFiles? files = null;
        if (settings.ServerCertificate is not null || settings.PrivateKey is not null)
        {
            if (settings.ServerCertificate is null || settings.PrivateKey is null)
            {
                ctx.Invalid(source, tlsPath, "Certificate files need both serverCertificate and privateKey.");
                return (null, false);
            }
            if (settings.CredentialName is not null)
            {
                ctx.NotImported(source, $"{tlsPath}.serverCertificate", "credentialName takes precedence over certificate files in Istio; the files were not imported.");
            }
            else
            {
                files = new CertificateFiles { CertificateChain = settings.ServerCertificate, PrivateKey = settings.PrivateKey, CaCertificates = mode == GatewayTlsMode.Mutual ? settings.CaCertificates : null };
            }
        }
        if (settings.CaCertificates is not null && (mode != GatewayTlsMode.Mutual || files is null))
        {
            ctx.NotImported(source, $"{tlsPath}.caCertificates", mode != GatewayTlsMode.Mutual
                ? "A CA bundle verifies client certificates, which only MUTUAL asks for; it was not imported."
                : "With a credentialName the CA comes from the Secret; the CA file was not imported.");
        }
        if (mode == GatewayTlsMode.Passthrough)
        {
            if (settings.CredentialName is not null || files is not null) ctx.NotImported(source, tlsPath, "A PASSTHROUGH server does not open TLS: its certificate was not imported.");
            return (new GatewayTls { Mode = GatewayTlsMode.Passthrough }, false);
        }
        if (settings.CredentialName is null && files is null)
        {
            ctx.NotImported(source, tlsPath, "The server terminates TLS without a certificate (credentialName or serverCertificate/privateKey); it was not imported.");
            return (null, false);
        }
        if (mode == GatewayTlsMode.Mutual && files is { CaCertificates: null })
        {
            ctx.NotImported(source, tlsPath, "MUTUAL with certificate files needs caCertificates to verify clients; the server was not imported.");
            return (null, false);
        }
        var sans = settings.SubjectAltNames ?? [];
        if (sans.Count > 0 && mode != GatewayTlsMode.Mutual)
        {
            ctx.NotImported(source, $"{tlsPath}.subjectAltNames", "Subject alternative names restrict client certificates, which only MUTUAL asks for; they were not imported.");
            sans = [];
        }
        return (new GatewayTls { Mode = mode.Value, CredentialName = settings.CredentialName, Files = files, SubjectAltNames = [.. sans] }, false);
    }
}
