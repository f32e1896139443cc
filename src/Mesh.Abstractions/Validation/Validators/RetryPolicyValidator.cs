using Mesh.Diagnostics;
using Mesh.Model;

namespace Mesh.Validation.Validators;

/// <summary>Validates a <see cref="RetryPolicy"/>: attempts 0–10, positive durations, conditions and status codes.</summary>
internal sealed class RetryPolicyValidator : ModelValidator<RetryPolicy>
{
    public const int MaxAttempts = 10;

    public static readonly RetryPolicyValidator Instance = new();

    protected override void Check(RetryPolicy item, Reporter report)
    {
        if (item.Attempts is < 0 or > MaxAttempts)
        {
            report.Error(nameof(RetryPolicy.Attempts), DiagnosticCodes.RetryOutOfRange, $"Retry attempts {item.Attempts} are outside 0–{MaxAttempts}.");
        }
        report.Positive(nameof(RetryPolicy.PerTryTimeout), item.PerTryTimeout, "The per-try timeout");
        var retriesStatusCodes = false;
        for (var i = 0; i < item.On.Count; i++)
        {
            report.Enum($"On[{i}]", item.On[i]);
            retriesStatusCodes |= item.On[i] == RetryCondition.RetriableStatusCodes;
        }
        if (retriesStatusCodes && item.StatusCodes.IsEmpty)
        {
            report.Error(nameof(RetryPolicy.StatusCodes), DiagnosticCodes.RetryStatusCodes, "retriable-status-codes needs at least one status code in statusCodes.");
        }
        if (!retriesStatusCodes && !item.StatusCodes.IsEmpty)
        {
            report.Warning(nameof(RetryPolicy.StatusCodes), DiagnosticCodes.RetryStatusCodes, "statusCodes are ignored unless 'on' includes retriable-status-codes.");
        }
        for (var i = 0; i < item.StatusCodes.Count; i++)
        {
            if (item.StatusCodes[i] is < 100 or > 599)
            {
                report.Error($"StatusCodes[{i}]", DiagnosticCodes.InvalidStatusCode, $"{item.StatusCodes[i]} is not an HTTP status code (100–599).");
            }
        }
        if (item.Backoff is { } backoff)
        {
            report.Positive("Backoff.BaseInterval", backoff.BaseInterval, "The backoff base interval");
            report.Positive("Backoff.MaxInterval", backoff.MaxInterval, "The backoff max interval");
            if (backoff.MaxInterval is { } max && max > TimeSpan.Zero && max < backoff.BaseInterval)
            {
                report.Error("Backoff.MaxInterval", DiagnosticCodes.NonPositiveDuration, $"The backoff max interval {max} is shorter than the base interval {backoff.BaseInterval}.");
            }
        }
    }
}
