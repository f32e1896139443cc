using Mesh.Diagnostics;
using Mesh.Model;

namespace Mesh.Validation.Validators;

/// <summary>
/// Validates an <see cref="HttpMatch"/>: path form and regex, header and query matches, method token, the caller's labels
/// and namespace, the port's range (whether the host declares it is checked by <see cref="HttpRouteValidator"/>).
/// </summary>
internal sealed class HttpMatchValidator : ModelValidator<HttpMatch>
{
    public static readonly HttpMatchValidator Instance = new();

    private HttpMatchValidator()
    {
        Each(x => x.Headers, ValueMatchValidator.Instance);
        Each(x => x.QueryParams, ValueMatchValidator.Instance);
    }

    protected override void Check(HttpMatch item, Reporter report)
    {
        report.NoNullItems(nameof(HttpMatch.Headers), item.Headers, "A header match");
        report.NoNullItems(nameof(HttpMatch.QueryParams), item.QueryParams, "A query match");
        report.HttpMethod(nameof(HttpMatch.Method), item.Method);
        report.Labels(nameof(HttpMatch.SourceLabels), item.SourceLabels, "The source label");
        if (item.SourceNamespace is not null) report.DnsLabel(nameof(HttpMatch.SourceNamespace), item.SourceNamespace, "The source namespace");
        report.Port(nameof(HttpMatch.Port), item.Port, "The match port");
        if (item.Path is not { } path) return;
        if (!Enum.IsDefined(path.Kind))
        {
            report.Enum("Path", path.Kind);
            return;
        }
        var property = $"{nameof(HttpMatch.Path)}.{WireNames.Of(path.Kind)}";
        if (path.Value is null)
        {
            report.Error(property, DiagnosticCodes.MissingRequired, "The path match needs a value.");
        }
        else if (path.Kind == PathMatchKind.Regex)
        {
            report.Regex(property, path.Value);
        }
        else if (!path.Value.StartsWith('/'))
        {
            report.Error(property, DiagnosticCodes.InvalidPath, $"The path '{path.Value}' must start with '/'.");
        }
    }
}
