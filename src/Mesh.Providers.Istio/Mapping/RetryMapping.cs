using System.Globalization;
using Mesh.Model;
using Mesh.Providers.Istio.Resources;
using Mesh.Providers.Istio.Translation;

namespace Mesh.Providers.Istio.Mapping;

/// <summary>
/// Retry policies ↔ <c>HTTPRetry</c>: attempts, per-try timeout, <c>retryOn</c> (conditions and status codes, comma-separated)
/// and the base back-off interval (Istio has no maximum); absent attempts read as Istio's default of 2. Istio retries the
/// status codes listed in <c>retryOn</c> as if <c>retriable-status-codes</c> were given (it adds the condition itself), so
/// status codes are written with <c>retriable-status-codes</c> and read as implying it, as the model's rule MESH2025 wants.
/// </summary>
internal static class RetryMapping
{
    private static readonly string StatusCodesCondition = WireNames.Of(RetryCondition.RetriableStatusCodes);

    public static HttpRetry ToIstio(RetryPolicy retry, string path, IstioExportContext ctx)
    {
        var conditions = retry.On.Select(WireNames.Of).ToList();
        if (!retry.StatusCodes.IsEmpty && !retry.On.Contains(RetryCondition.RetriableStatusCodes))
        {
            conditions.Add(StatusCodesCondition);
            ctx.Approximated($"{path}.statusCodes", $"Istio retries the status codes listed in retryOn whatever the conditions (it adds {StatusCodesCondition} itself), while the model ignores statusCodes without {StatusCodesCondition} (MESH2025); they are written with {StatusCodesCondition}, so Istio retries them.");
        }
        var retryOn = string.Join(",", conditions.Concat(retry.StatusCodes.Select(c => c.ToString(CultureInfo.InvariantCulture))));
        if (retry.Backoff?.MaxInterval is not null)
        {
            ctx.Approximated($"{path}.backoff.maxInterval", "Istio sets only the base back-off interval; the maximum is Envoy's default (ten times the base).");
        }
        return new HttpRetry
        {
            Attempts = retry.Attempts,
            PerTryTimeout = retry.PerTryTimeout is { } t ? DurationMapping.ToIstio(t) : null,
            RetryOn = retryOn.Length == 0 ? null : retryOn,
            Backoff = retry.Backoff is { } b ? DurationMapping.ToIstio(b.BaseInterval) : null,
        };
    }

    public static RetryPolicy ToModel(HttpRetry retry, string source, string path, IstioImportContext ctx)
    {
        var on = new List<RetryCondition>();
        var codes = new List<int>();
        if (retry.RetryOn is { } retryOn)
        {
            foreach (var token in retryOn.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (WireNames.TryParse<RetryCondition>(token, out var condition)) on.Add(condition);
                else if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code is >= 100 and <= 599) codes.Add(code);
                else ctx.NotImported(source, $"{path}.retryOn", $"Retry condition '{token}' is not in the model; it was not imported.");
            }
        }
        if (codes.Count > 0 && !on.Contains(RetryCondition.RetriableStatusCodes))
        {
            on.Add(RetryCondition.RetriableStatusCodes);
            ctx.NotImportedInfo(source, $"{path}.retryOn", $"Istio retries the listed status codes as if {StatusCodesCondition} were given (it adds the condition itself); the model says so explicitly, and it is written back.");
        }
        else if (codes.Count == 0 && on.RemoveAll(c => c == RetryCondition.RetriableStatusCodes) > 0)
        {
            ctx.NotImported(source, $"{path}.retryOn", $"{StatusCodesCondition} without status codes in retryOn retries only the codes a request lists in its x-envoy-retriable-status-codes header, which the model has no place for; the condition was not imported.");
        }
        if (retry.Attempts is null)
        {
            ctx.NotImportedInfo(source, $"{path}.attempts", "No attempts were given; Istio's default of 2 is made explicit in the model (and written back).");
        }
        return new RetryPolicy
        {
            Attempts = retry.Attempts ?? 2,
            PerTryTimeout = DurationMapping.ToModel(retry.PerTryTimeout, source, $"{path}.perTryTimeout", ctx),
            On = [.. on],
            StatusCodes = [.. codes],
            Backoff = DurationMapping.ToModel(retry.Backoff, source, $"{path}.backoff", ctx) is { } b ? new RetryBackoff { BaseInterval = b } : null,
        };
    }
}
