using Mesh.Collections;

namespace Mesh.Model;

/// <summary>One HTTP routing rule: when any match applies, send the request to the weighted backends with the rule's policies.</summary>
public sealed record HttpRouteRule
{
    /// <summary>Conditions, any one of which selects this rule. Empty matches every request.</summary>
    public EquatableArray<HttpMatch> Matches { get; init; }

    /// <summary>Where matching requests go, split by weight. Empty only when <see cref="Redirect"/> is set.</summary>
    public EquatableArray<WeightedBackend> Backends { get; init; }

    /// <summary>The overall request timeout.</summary>
    /// <value>Null means the mesh's default (no timeout in most meshes).</value>
    public TimeSpan? Timeout { get; init; }

    /// <summary>How failed requests are retried.</summary>
    /// <value>Null means the mesh's default retry behaviour.</value>
    public RetryPolicy? Retry { get; init; }

    /// <summary>Faults injected into matching requests (testing resilience).</summary>
    public FaultInjection? Fault { get; init; }

    /// <summary>A copy of matching traffic sent, fire-and-forget, to another backend.</summary>
    public Mirror? Mirror { get; init; }

    /// <summary>Rewrites applied to the request before forwarding.</summary>
    public Rewrite? Rewrite { get; init; }

    /// <summary>Answer with a redirect instead of forwarding.</summary>
    public Redirect? Redirect { get; init; }

    /// <summary>Headers changed on the request.</summary>
    public HeaderModifier? RequestHeaders { get; init; }

    /// <summary>Headers changed on the response.</summary>
    public HeaderModifier? ResponseHeaders { get; init; }

    /// <summary>The CORS policy answered for matching requests.</summary>
    public CorsPolicy? Cors { get; init; }
}
