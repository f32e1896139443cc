using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Validation.Rules;

namespace Mesh.Validation.Validators;

/// <summary>
/// Validates a <see cref="Gateway"/>: names, workload labels, at least one listener, each listener's name, port, hosts and
/// TLS (a certificate where TLS is terminated, none where it is passed through, nothing on plaintext listeners), and that
/// listeners sharing a port agree on the protocol and serve distinct hosts.
/// </summary>
internal sealed class GatewayValidator : ModelValidator<Gateway>
{
    public static readonly GatewayValidator Instance = new();

    protected override void Check(Gateway item, Reporter report)
    {
        report.DnsLabel(nameof(Gateway.Name), item.Name, "The gateway name");
        report.DnsLabel(nameof(Gateway.Namespace), item.Namespace, "The gateway namespace");
        report.Labels(nameof(Gateway.Workloads), item.Workloads, "A gateway workload label");
        if (item.ClassName is { Length: 0 }) report.Error(nameof(Gateway.ClassName), DiagnosticCodes.InvalidGateway, "A gateway class name cannot be empty; leave it out for the provider's default.");
        report.NoNullItems(nameof(Gateway.Listeners), item.Listeners, "A listener");
        if (item.Listeners.IsEmpty) report.Error(nameof(Gateway.Listeners), DiagnosticCodes.InvalidGateway, "A gateway needs at least one listener.");
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < item.Listeners.Count; i++)
        {
            if (item.Listeners[i] is not { } listener) continue;
            var path = $"{nameof(Gateway.Listeners)}[{i}]";
            report.DnsLabel($"{path}.Name", listener.Name, "The listener name");
            if (listener.Name is not null && !names.TryAdd(listener.Name, i))
            {
                report.Error($"{path}.Name", DiagnosticCodes.DuplicateName, $"Listener '{listener.Name}' is already declared at index {names[listener.Name]}.");
            }
            report.Port($"{path}.Port", listener.Port, "The listener port");
            report.Enum($"{path}.Protocol", listener.Protocol);
            Listener(listener, path, report);
        }
        Overlaps(item, report);
    }

    private static void Listener(GatewayListener listener, string path, Reporter report)
    {
        for (var h = 0; h < listener.Hosts.Count; h++)
        {
            if (listener.Hosts[h] != "*" && !Syntax.IsHostName(listener.Hosts[h]))
            {
                report.Error($"{path}.Hosts[{h}]", DiagnosticCodes.InvalidHost, $"'{listener.Hosts[h]}' is not a host name ('*' alone, or '*.' as the first label, are the wildcards).");
            }
        }
        if (listener.HttpsRedirect && listener.Protocol != ListenerProtocol.Http)
        {
            report.Error($"{path}.HttpsRedirect", DiagnosticCodes.InvalidGateway, $"Only an HTTP listener redirects to HTTPS; this one is {WireNames.Of(listener.Protocol)}.");
        }
        var tls = listener.Tls;
        switch (listener.Protocol)
        {
            case ListenerProtocol.Http or ListenerProtocol.Tcp when tls is not null:
                report.Error($"{path}.Tls", DiagnosticCodes.InvalidGateway, $"A {WireNames.Of(listener.Protocol)} listener is plaintext: TLS settings need protocol https or tls.");
                return;
            case ListenerProtocol.Https or ListenerProtocol.Tls when tls is null:
                report.Error($"{path}.Tls", DiagnosticCodes.InvalidGateway, $"A {WireNames.Of(listener.Protocol)} listener needs TLS settings: a mode and, unless it passes TLS through, a certificate.");
                return;
            case ListenerProtocol.Https when tls?.Mode == GatewayTlsMode.Passthrough:
                report.Error($"{path}.Tls.Mode", DiagnosticCodes.InvalidGateway, "An HTTPS listener terminates TLS to route requests; to pass TLS through, use protocol tls.");
                break;
        }
        if (tls is null) return;
        report.Enum($"{path}.Tls.Mode", tls.Mode);
        var hasCertificate = tls.CredentialName is not null || tls.Files is not null;
        if (tls.CredentialName is not null && tls.Files is not null)
        {
            report.Error($"{path}.Tls.Files", DiagnosticCodes.ConflictingFields, "A listener's certificate is a credential name or files, not both.");
        }
        if (tls.CredentialName is { Length: 0 }) report.Error($"{path}.Tls.CredentialName", DiagnosticCodes.InvalidGateway, "A credential name cannot be empty.");
        if (tls.Files is { } files)
        {
            if (string.IsNullOrEmpty(files.CertificateChain)) report.Error($"{path}.Tls.Files.CertificateChain", DiagnosticCodes.InvalidGateway, "Certificate files need the certificate chain's path.");
            if (string.IsNullOrEmpty(files.PrivateKey)) report.Error($"{path}.Tls.Files.PrivateKey", DiagnosticCodes.InvalidGateway, "Certificate files need the private key's path.");
        }
        if (tls.Mode == GatewayTlsMode.Passthrough)
        {
            if (hasCertificate) report.Error($"{path}.Tls", DiagnosticCodes.ConflictingFields, "A passthrough listener does not open TLS, so it has no certificate.");
        }
        else if (!hasCertificate)
        {
            report.Error($"{path}.Tls", DiagnosticCodes.InvalidGateway, $"A listener that terminates TLS ({WireNames.Of(tls.Mode)}) needs a certificate: a credential name or files.");
        }
        if (tls.Mode == GatewayTlsMode.Mutual && tls.Files is { CaCertificates: null })
        {
            report.Error($"{path}.Tls.Files.CaCertificates", DiagnosticCodes.InvalidGateway, "Mutual TLS verifies client certificates: certificate files need the CA bundle's path.");
        }
        if (tls.Mode != GatewayTlsMode.Mutual && tls.Files?.CaCertificates is not null)
        {
            report.Error($"{path}.Tls.Files.CaCertificates", DiagnosticCodes.ConflictingFields, $"A CA bundle verifies client certificates, which only mode mutual asks for (this listener is {WireNames.Of(tls.Mode)}).");
        }
        if (tls.Mode != GatewayTlsMode.Mutual && !tls.SubjectAltNames.IsEmpty)
        {
            report.Error($"{path}.Tls.SubjectAltNames", DiagnosticCodes.ConflictingFields, "Subject alternative names restrict client certificates, which only mode mutual asks for.");
        }
    }

    /// <summary>Listeners on one port: the same protocol (HTTPS and TLS may share a port, told apart by SNI) and distinct hosts.</summary>
    private static void Overlaps(Gateway item, Reporter report)
    {
        for (var j = 0; j < item.Listeners.Count; j++)
        {
            if (item.Listeners[j] is not { } b) continue;
            for (var i = 0; i < j; i++)
            {
                if (item.Listeners[i] is not { } a || a.Port != b.Port) continue;
                var path = $"{nameof(Gateway.Listeners)}[{j}]";
                if (a.ProtocolClashesWith(b))
                {
                    report.Error($"{path}.Protocol", DiagnosticCodes.InvalidGateway, $"Port {b.Port} is already a {WireNames.Of(a.Protocol)} listener ('{a.Name}'); one port has one protocol.");
                    break;
                }
                if (a.SharedHost(b) is { } host)
                {
                    report.Error($"{path}.Hosts", DiagnosticCodes.InvalidGateway, $"Listener '{a.Name}' on port {b.Port} already serves {(host == "*" ? "every host" : $"'{host}'")}: listeners sharing a port serve distinct hosts.");
                    break;
                }
            }
        }
    }
}
