using Mesh.Model;

namespace Mesh.Builders;

/// <summary>Collects the rules of an access policy.</summary>
public sealed class AccessPolicyBuilder
{
    internal AccessPolicyBuilder()
    {
    }

    internal List<AccessRule> Rules { get; } = [];

    /// <summary>Adds a rule matching calls from the given service accounts (<c>namespace/name</c>) to the given operation.</summary>
    /// <param name="serviceAccounts">Caller identities as <c>namespace/name</c>; none means any caller.</param>
    /// <param name="to">The operation, or null for any.</param>
    public AccessPolicyBuilder AllowFrom(IEnumerable<string> serviceAccounts, AccessOperation? to = null) =>
        Rule(new AccessRule
        {
            From = new AccessSource { ServiceAccounts = [.. serviceAccounts.Select(ServiceAccountRef.Parse)] },
            To = to,
        });

    /// <summary>Adds a rule built with callers, requests and conditions.</summary>
    /// <param name="configure">Sets the rule's parts.</param>
    public AccessPolicyBuilder Rule(Action<AccessRuleBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new AccessRuleBuilder();
        configure(builder);
        return Rule(builder.Build());
    }

    /// <summary>Adds a rule.</summary>
    /// <param name="rule">The rule.</param>
    public AccessPolicyBuilder Rule(AccessRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        Rules.Add(rule);
        return this;
    }
}
