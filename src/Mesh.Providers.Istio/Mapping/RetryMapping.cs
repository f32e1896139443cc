using System.Globalization;
using Mesh.Model;
using Mesh.Providers.Istio.Resources;
using Mesh.Providers.Istio.Translation;

namespace Mesh.Providers.Istio.Mapping;

/// <summary>
/// Retry policies ↔ <c>HTTPRetry</c>: attempts, per-try timeout, <c>retryOn</c> (conditions and status codes, comma-separated)
/// and the base back-off interval (Istio has no maximum); absent attempts read as Istio's default of 2.
/// </summary>
internal static class RetryMapping
{
    public static HttpRetry ToIstio(RetryPolicy retry, string path, IstioExportContext ctx)
    {
        var on = retry.On.Select(WireNames.Of).Concat(retry.StatusCodes.Select(c => c.ToString(CultureInfo.InvariantCulture)));
        var retryOn = string.Join(",", on);
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
