using Mesh.Diagnostics;
using Mesh.Model;

namespace Mesh.Validation.Validators;

/// <summary>
/// Validates an <see cref="HttpRouteRule"/>: backends (needed unless the rule redirects, never with a redirect, not all
/// weight zero), timeouts, and every nested part.
/// </summary>
internal sealed class HttpRouteRuleValidator : ModelValidator<HttpRouteRule>
{
    public static readonly HttpRouteRuleValidator Instance = new();

    private HttpRouteRuleValidator()
    {
        Each(x => x.Matches, HttpMatchValidator.Instance);
        Each(x => x.Backends, WeightedBackendValidator.Instance);
        RuleFor(x => x.Retry!).SetValidator(RetryPolicyValidator.Instance);
        RuleFor(x => x.Fault!).SetValidator(FaultInjectionValidator.Instance);
        RuleFor(x => x.Mirror!).SetValidator(MirrorValidator.Instance);
        RuleFor(x => x.Rewrite!).SetValidator(RewriteValidator.Instance);
        RuleFor(x => x.Redirect!).SetValidator(RedirectValidator.Instance);
        RuleFor(x => x.Cors!).SetValidator(CorsPolicyValidator.Instance);
    }

    protected override void Check(HttpRouteRule item, Reporter report)
    {
        report.NoNullItems(nameof(HttpRouteRule.Matches), item.Matches, "A match");
        report.NoNullItems(nameof(HttpRouteRule.Backends), item.Backends, "A backend");
        if (item.Redirect is not null)
        {
            if (!item.Backends.IsEmpty)
            {
                report.Error(nameof(HttpRouteRule.Backends), DiagnosticCodes.ConflictingFields, "A rule that redirects cannot also have backends.");
            }
        }
        else
        {
            BackendRules.RequireEffective(report, nameof(HttpRouteRule.Backends), item.Backends, "A rule needs at least one backend unless it redirects.");
        }
        report.Positive(nameof(HttpRouteRule.Timeout), item.Timeout, "The timeout");
        if (item.Timeout is { } timeout && item.Retry?.PerTryTimeout is { } perTry && timeout > TimeSpan.Zero && perTry > timeout)
        {
            report.Warning("Retry.PerTryTimeout", DiagnosticCodes.RetryOutOfRange, $"The per-try timeout {perTry} is longer than the rule timeout {timeout}, so no retry can complete.");
        }
        if (item.Mirror is not null && item.Redirect is not null)
        {
            report.Error(nameof(HttpRouteRule.Mirror), DiagnosticCodes.ConflictingFields, "A rule that redirects cannot mirror traffic.");
        }
        HeaderNames(report, nameof(HttpRouteRule.RequestHeaders), item.RequestHeaders);
        HeaderNames(report, nameof(HttpRouteRule.ResponseHeaders), item.ResponseHeaders);
    }

    private static void HeaderNames(Reporter report, string property, HeaderModifier? headers)
    {
        if (headers is null) return;
        foreach (var (key, value) in headers.Set.Concat(headers.Add))
        {
            if (string.IsNullOrEmpty(key) || value is null)
            {
                report.Error(property, DiagnosticCodes.InvalidMatch, "A header to set or add needs a non-empty name and a value.");
            }
        }
        for (var i = 0; i < headers.Remove.Count; i++)
        {
            if (string.IsNullOrEmpty(headers.Remove[i]))
            {
                report.Error($"{property}.Remove[{i}]", DiagnosticCodes.InvalidMatch, "A header to remove needs a non-empty name.");
            }
        }
    }
}
