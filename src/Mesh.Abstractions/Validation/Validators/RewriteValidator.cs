using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Validation.Rules;

namespace Mesh.Validation.Validators;

/// <summary>Validates a <see cref="Rewrite"/>: a prefix or a full path, not both; paths start with '/'.</summary>
internal sealed class RewriteValidator : ModelValidator<Rewrite>
{
    public static readonly RewriteValidator Instance = new();

    protected override void Check(Rewrite item, Reporter report)
    {
        if (item.PathPrefix is not null && item.FullPath is not null)
        {
            report.Error(nameof(Rewrite.FullPath), DiagnosticCodes.ConflictingFields, "A rewrite sets either pathPrefix or fullPath, not both.");
        }
        StartsWithSlash(report, nameof(Rewrite.PathPrefix), item.PathPrefix);
        StartsWithSlash(report, nameof(Rewrite.FullPath), item.FullPath);
        if (item.Authority is { } authority && !Syntax.IsHostName(authority.Split(':')[0]))
        {
            report.Error(nameof(Rewrite.Authority), DiagnosticCodes.InvalidHost, $"The authority '{authority}' is not a host name.");
        }
    }

    internal static void StartsWithSlash(Reporter report, string property, string? path)
    {
        if (path is not null && !path.StartsWith('/'))
        {
            report.Error(property, DiagnosticCodes.InvalidPath, $"The path '{path}' must start with '/'.");
        }
    }
}
