using Mesh.Model;

namespace Mesh.Builders;

/// <summary>Sets what a request authentication applies to and the issuers whose tokens it verifies.</summary>
public sealed class RequestAuthenticationBuilder
{
    private readonly List<JwtRule> _rules = [];
    private PolicyTarget? _target;
    private string? _gateway;

    internal RequestAuthenticationBuilder()
    {
    }

    /// <summary>Applies it to the workloads of one service of the policy's namespace (or of one subset of it).</summary>
    /// <param name="service">The service's name (its namespace is the policy's).</param>
    /// <param name="subset">A subset narrowing the workloads, or null.</param>
    public RequestAuthenticationBuilder ForService(string service, string? subset = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(service);
        _target = new PolicyTarget { Service = new ServiceRef(service, string.Empty), Subset = subset };
        return this;
    }

    /// <summary>Applies it to the proxies of a gateway of the policy's namespace.</summary>
    /// <param name="name">The gateway's name.</param>
    public RequestAuthenticationBuilder ForGateway(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        _gateway = name;
        return this;
    }

    /// <summary>Accepts tokens of an issuer.</summary>
    /// <param name="issuer">The issuer (<c>iss</c> claim).</param>
    /// <param name="configure">Sets the key set, audiences, token locations and outputs; none: keys discovered, default locations.</param>
    public RequestAuthenticationBuilder Issuer(string issuer, Action<JwtRuleBuilder>? configure = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(issuer);
        var builder = new JwtRuleBuilder(issuer);
        configure?.Invoke(builder);
        _rules.Add(builder.Build());
        return this;
    }

    internal RequestAuthentication Build(string name, string @namespace) => new()
    {
        Name = name,
        Namespace = @namespace,
        Target = _target is null ? null : _target with { Service = new ServiceRef(_target.Service.Name, @namespace) },
        Gateway = _gateway,
        JwtRules = [.. _rules],
    };
}
