using Mesh.Collections;
using Mesh.Model;

namespace Mesh.Builders;

/// <summary>Builds one <see cref="HttpRouteRule"/>.</summary>
public sealed class HttpRuleBuilder
{
    private readonly List<HttpMatch> _matches = [];
    private readonly List<WeightedBackend> _backends = [];
    private HttpRouteRule _rule = new();

    internal HttpRuleBuilder()
    {
    }

    /// <summary>Adds a match (matches are alternatives: any one selects the rule).</summary>
    /// <param name="configure">Sets the match's path, headers, query parameters and method.</param>
    public HttpRuleBuilder Match(Action<HttpMatchBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new HttpMatchBuilder();
        configure(builder);
        _matches.Add(builder.Build());
        return this;
    }

    /// <summary>Adds a match on a path prefix.</summary>
    /// <param name="prefix">The prefix, e.g. <c>/api</c>.</param>
    public HttpRuleBuilder MatchPathPrefix(string prefix) => Match(m => m.PathPrefix(prefix));

    /// <summary>Sends a share of traffic to a service or subset.</summary>
    /// <param name="service">The service as <c>name.namespace</c>.</param>
    /// <param name="subset">The subset, or null for the whole service.</param>
    /// <param name="weight">The relative share.</param>
    /// <param name="port">The target port, or null.</param>
    public HttpRuleBuilder To(string service, string? subset = null, int weight = 1, int? port = null)
    {
        _backends.Add(new WeightedBackend { Service = ServiceRef.Parse(service), Subset = subset, Weight = weight, Port = port });
        return this;
    }

    /// <summary>Sets the request timeout.</summary>
    /// <param name="timeout">The timeout.</param>
    public HttpRuleBuilder Timeout(TimeSpan timeout) => With(_rule with { Timeout = timeout });

    /// <summary>Sets the retry policy.</summary>
    /// <param name="attempts">Retries after the first attempt.</param>
    /// <param name="perTryTimeout">The timeout of each attempt, or null.</param>
    /// <param name="on">The retry conditions; none means the mesh's defaults.</param>
    public HttpRuleBuilder Retry(int attempts, TimeSpan? perTryTimeout = null, params RetryCondition[] on) =>
        With(_rule with { Retry = new RetryPolicy { Attempts = attempts, PerTryTimeout = perTryTimeout, On = on } });

    /// <summary>Sets the retry policy.</summary>
    /// <param name="retry">The policy.</param>
    public HttpRuleBuilder Retry(RetryPolicy retry) => With(_rule with { Retry = retry });

    /// <summary>Injects a delay into a share of requests.</summary>
    /// <param name="duration">The delay.</param>
    /// <param name="percentage">The share, 0–100.</param>
    public HttpRuleBuilder Delay(TimeSpan duration, decimal percentage = 100m) =>
        With(_rule with { Fault = (_rule.Fault ?? new FaultInjection()) with { Delay = new FaultDelay { Duration = duration, Percentage = percentage } } });

    /// <summary>Answers a share of requests with an error status.</summary>
    /// <param name="httpStatus">The status, e.g. 503.</param>
    /// <param name="percentage">The share, 0–100.</param>
    public HttpRuleBuilder Abort(int httpStatus, decimal percentage = 100m) =>
        With(_rule with { Fault = (_rule.Fault ?? new FaultInjection()) with { Abort = new FaultAbort { HttpStatus = httpStatus, Percentage = percentage } } });

    /// <summary>Mirrors a share of traffic to a service or subset.</summary>
    /// <param name="service">The service as <c>name.namespace</c>.</param>
    /// <param name="subset">The subset, or null.</param>
    /// <param name="percentage">The share, 0–100.</param>
    public HttpRuleBuilder Mirror(string service, string? subset = null, decimal percentage = 100m) =>
        With(_rule with { Mirror = new Mirror { Service = ServiceRef.Parse(service), Subset = subset, Percentage = percentage } });

    /// <summary>Rewrites the request before forwarding.</summary>
    /// <param name="rewrite">The rewrite.</param>
    public HttpRuleBuilder Rewrite(Rewrite rewrite) => With(_rule with { Rewrite = rewrite });

    /// <summary>Answers with a redirect instead of forwarding.</summary>
    /// <param name="redirect">The redirect.</param>
    public HttpRuleBuilder Redirect(Redirect redirect) => With(_rule with { Redirect = redirect });

    /// <summary>Sets a request header (replacing any value).</summary>
    /// <param name="name">The header name.</param>
    /// <param name="value">The value.</param>
    public HttpRuleBuilder SetRequestHeader(string name, string value)
    {
        var headers = _rule.RequestHeaders ?? new HeaderModifier();
        return With(_rule with { RequestHeaders = headers with { Set = headers.Set.SetItem(name, value) } });
    }

    /// <summary>Removes a request header.</summary>
    /// <param name="name">The header name.</param>
    public HttpRuleBuilder RemoveRequestHeader(string name)
    {
        var headers = _rule.RequestHeaders ?? new HeaderModifier();
        return With(_rule with { RequestHeaders = headers with { Remove = headers.Remove.Add(name) } });
    }

    /// <summary>Sets a response header (replacing any value).</summary>
    /// <param name="name">The header name.</param>
    /// <param name="value">The value.</param>
    public HttpRuleBuilder SetResponseHeader(string name, string value)
    {
        var headers = _rule.ResponseHeaders ?? new HeaderModifier();
        return With(_rule with { ResponseHeaders = headers with { Set = headers.Set.SetItem(name, value) } });
    }

    /// <summary>Sets the CORS policy.</summary>
    /// <param name="cors">The policy.</param>
    public HttpRuleBuilder Cors(CorsPolicy cors) => With(_rule with { Cors = cors });

    private HttpRuleBuilder With(HttpRouteRule rule)
    {
        _rule = rule;
        return this;
    }

    internal HttpRouteRule Build() => _rule with { Matches = [.. _matches], Backends = [.. _backends] };
}
