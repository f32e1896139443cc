using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Validation.Rules;

namespace Mesh.Validation.Validators;

/// <summary>Validates a <see cref="ClientTls"/>: the SNI is a host name, and the settings fit the mode.</summary>
internal sealed class ClientTlsValidator : ModelValidator<ClientTls>
{
    public static readonly ClientTlsValidator Instance = new();

    protected override void Check(ClientTls item, Reporter report)
    {
        report.Enum(nameof(ClientTls.Mode), item.Mode);
        if (item.Sni is { } sni && (!Syntax.IsHostName(sni) || sni.StartsWith('*')))
        {
            report.Error(nameof(ClientTls.Sni), DiagnosticCodes.InvalidHost, $"The SNI '{sni}' is not a host name.");
        }
        for (var i = 0; i < item.SubjectAltNames.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(item.SubjectAltNames[i]) || item.SubjectAltNames[i].Any(char.IsWhiteSpace))
            {
                report.Error($"SubjectAltNames[{i}]", DiagnosticCodes.InvalidTls, "A subject alternative name must be a DNS name or URI without spaces.");
            }
        }
        Text(report, nameof(ClientTls.CaCertificates), item.CaCertificates, "The CA certificates path");
        Text(report, nameof(ClientTls.CredentialName), item.CredentialName, "The credential name");

        switch (item.Mode)
        {
            case ClientTlsMode.Disable when item.Sni is not null || !item.SubjectAltNames.IsEmpty || item.CaCertificates is not null || item.CredentialName is not null || item.InsecureSkipVerify:
                report.Error(nameof(ClientTls.Mode), DiagnosticCodes.InvalidTls, "TLS is disabled, so SNI, subject alternative names, certificates and insecureSkipVerify have no effect; remove them or choose another mode.");
                break;
            case ClientTlsMode.Mesh when item.CaCertificates is not null || item.CredentialName is not null || item.InsecureSkipVerify:
                report.Error(nameof(ClientTls.Mode), DiagnosticCodes.InvalidTls, "Mode 'mesh' uses the mesh's own certificates; caCertificates, credentialName and insecureSkipVerify apply to the other modes.");
                break;
            case ClientTlsMode.Mutual when item.CredentialName is null:
                report.Error(nameof(ClientTls.CredentialName), DiagnosticCodes.InvalidTls, "Mode 'mutual' needs credentialName: the secret holding the client certificate and key.");
                break;
        }
        if (item.InsecureSkipVerify && (item.CaCertificates is not null || !item.SubjectAltNames.IsEmpty))
        {
            report.Error(nameof(ClientTls.InsecureSkipVerify), DiagnosticCodes.InvalidTls, "insecureSkipVerify turns server verification off, so caCertificates and subjectAltNames would be ignored; set one or the other.");
        }
    }

    private static void Text(Reporter report, string property, string? value, string what)
    {
        if (value is not null && (value.Length == 0 || value.Any(char.IsWhiteSpace)))
        {
            report.Error(property, DiagnosticCodes.InvalidTls, $"{what} must be non-empty and without spaces.");
        }
    }
}
