using Mesh.Model;
using Mesh.Providers.Istio.Resources;
using Mesh.Providers.Istio.Translation;

namespace Mesh.Providers.Istio.Mapping;

/// <summary>
/// Client TLS ↔ <c>trafficPolicy.tls</c> (ClientTLSSettings): the modes one to one (<c>mesh</c> is <c>ISTIO_MUTUAL</c>), SNI,
/// subject alternative names, CA file, credential and insecureSkipVerify. Client certificate and key files and CRLs have no
/// place in the model (it names certificates by credential) and are reported.
/// </summary>
internal static class ClientTlsMapping
{
    public static ClientTlsSettings ToIstio(ClientTls tls) => new()
    {
        Mode = tls.Mode switch
        {
            ClientTlsMode.Disable => "DISABLE",
            ClientTlsMode.Mutual => "MUTUAL",
            ClientTlsMode.Mesh => "ISTIO_MUTUAL",
            _ => "SIMPLE",
        },
        Sni = tls.Sni,
        SubjectAltNames = tls.SubjectAltNames.IsEmpty ? null : [.. tls.SubjectAltNames],
        CaCertificates = tls.CaCertificates,
        CredentialName = tls.CredentialName,
        InsecureSkipVerify = tls.InsecureSkipVerify ? true : null,
    };

    public static ClientTls? ToModel(ClientTlsSettings tls, string source, string path, IstioImportContext ctx)
    {
        ClientTlsMode mode;
        switch (tls.Mode)
        {
            case null or "" or "DISABLE": mode = ClientTlsMode.Disable; break;
            case "SIMPLE": mode = ClientTlsMode.Simple; break;
            case "MUTUAL": mode = ClientTlsMode.Mutual; break;
            case "ISTIO_MUTUAL": mode = ClientTlsMode.Mesh; break;
            default:
                ctx.Invalid(source, $"{path}.mode", $"'{tls.Mode}' is not a TLS mode (DISABLE, SIMPLE, MUTUAL, ISTIO_MUTUAL); the TLS settings were not imported.");
                return null;
        }
        foreach (var (value, field) in new[] { (tls.ClientCertificate, "clientCertificate"), (tls.PrivateKey, "privateKey"), (tls.CaCrl, "caCrl") })
        {
            if (!string.IsNullOrEmpty(value)) ctx.NotImported(source, $"{path}.{field}", "The model names certificates by credential (credentialName), not by files on the proxy; this file was not imported.");
        }
        if (mode == ClientTlsMode.Mutual && string.IsNullOrEmpty(tls.CredentialName))
        {
            ctx.NotImported(source, path, "MUTUAL with certificate files has no place in the model (it needs credentialName); the TLS settings were not imported.");
            return null;
        }
        string? Keep(string? value, string field, bool allowed, string why)
        {
            if (string.IsNullOrEmpty(value)) return null;
            if (allowed) return value;
            ctx.NotImported(source, $"{path}.{field}", why);
            return null;
        }
        var plain = mode == ClientTlsMode.Disable;
        var meshOwn = mode == ClientTlsMode.Mesh;
        var skip = tls.InsecureSkipVerify == true && !plain && !meshOwn;
        const string Disabled = "TLS is disabled (mode DISABLE), so this field has no effect; it was not imported.";
        const string MeshCerts = "ISTIO_MUTUAL uses the mesh's own certificates, so this field has no effect; it was not imported.";
        const string Skipped = "insecureSkipVerify turns server verification off, so this field has no effect; it was not imported.";
        var sni = Keep(tls.Sni, "sni", !plain, Disabled);
        if (sni is not null && (!Mesh.Validation.DnsNames.IsHostName(sni) || sni.StartsWith('*')))
        {
            ctx.NotImported(source, $"{path}.sni", $"'{sni}' is not a host name; the SNI was not imported.");
            sni = null;
        }
        var sans = (tls.SubjectAltNames ?? []).Where(n => !string.IsNullOrWhiteSpace(n) && !n.Any(char.IsWhiteSpace)).ToList();
        if (sans.Count > 0 && (plain || skip))
        {
            ctx.NotImported(source, $"{path}.subjectAltNames", plain ? Disabled : Skipped);
            sans.Clear();
        }
        var ca = Keep(tls.CaCertificates, "caCertificates", !plain && !meshOwn && !skip, plain ? Disabled : meshOwn ? MeshCerts : Skipped);
        var credential = Keep(tls.CredentialName, "credentialName", !plain && !meshOwn, plain ? Disabled : MeshCerts);
        if (tls.InsecureSkipVerify == true && !skip) ctx.NotImported(source, $"{path}.insecureSkipVerify", plain ? Disabled : MeshCerts);
        return new ClientTls
        {
            Mode = mode,
            Sni = sni,
            SubjectAltNames = [.. sans],
            CaCertificates = ca is null || ca.Any(char.IsWhiteSpace) ? null : ca,
            CredentialName = credential is null || credential.Any(char.IsWhiteSpace) ? null : credential,
            InsecureSkipVerify = skip,
        };
    }
}
