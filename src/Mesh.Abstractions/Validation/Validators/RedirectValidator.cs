using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Validation.Rules;

namespace Mesh.Validation.Validators;

/// <summary>Validates a <see cref="Redirect"/>: status 301/302/303/307/308, port, host, and path or prefix (not both).</summary>
internal sealed class RedirectValidator : ModelValidator<Redirect>
{
    private static readonly int[] RedirectCodes = [301, 302, 303, 307, 308];

    public static readonly RedirectValidator Instance = new();

    protected override void Check(Redirect item, Reporter report)
    {
        if (Array.IndexOf(RedirectCodes, item.StatusCode) < 0)
        {
            report.Error(nameof(Redirect.StatusCode), DiagnosticCodes.InvalidStatusCode, $"The redirect status {item.StatusCode} is not one of 301, 302, 303, 307, 308.");
        }
        report.Port(nameof(Redirect.Port), item.Port, "The redirect port");
        if (item.Path is not null && item.PathPrefix is not null)
        {
            report.Error(nameof(Redirect.PathPrefix), DiagnosticCodes.ConflictingFields, "A redirect sets either path or pathPrefix, not both.");
        }
        RewriteValidator.StartsWithSlash(report, nameof(Redirect.Path), item.Path);
        RewriteValidator.StartsWithSlash(report, nameof(Redirect.PathPrefix), item.PathPrefix);
        if (item.Host is not null && !Syntax.IsHostName(item.Host))
        {
            report.Error(nameof(Redirect.Host), DiagnosticCodes.InvalidHost, $"The redirect host '{item.Host}' is not a host name.");
        }
        if (item.Scheme is not null && item.Scheme is not ("http" or "https"))
        {
            report.Error(nameof(Redirect.Scheme), DiagnosticCodes.InvalidFormat, $"The redirect scheme '{item.Scheme}' is neither http nor https.");
        }
    }
}
