using Mesh.Collections;

namespace Mesh.Model;

/// <summary>How a failed request is retried.</summary>
public sealed record RetryPolicy
{
    /// <summary>The number of retries after the first attempt, 0–10 (0 disables retries).</summary>
    public required int Attempts { get; init; }

    /// <summary>The timeout of each attempt.</summary>
    /// <value>Null means each attempt may use what is left of the rule's timeout.</value>
    public TimeSpan? PerTryTimeout { get; init; }

    /// <summary>The conditions that cause a retry (YAML <c>on</c>).</summary>
    /// <value>Empty means the mesh's default conditions.</value>
    public EquatableArray<RetryCondition> On { get; init; }

    /// <summary>The HTTP status codes retried under <see cref="RetryCondition.RetriableStatusCodes"/>.</summary>
    public EquatableArray<int> StatusCodes { get; init; }

    /// <summary>Exponential back-off between attempts, or null for the mesh's default.</summary>
    public RetryBackoff? Backoff { get; init; }
}
