using Mesh.Model;

namespace Mesh.Translation;

/// <summary>
/// An access rule cut down to what a provider can write, and what was cut. Cutting never widens an allow: an allow rule
/// that loses a narrowing part (an exclusion, a host, a condition) is not written at all; a deny or audit rule loses the
/// part and matches more. Alternatives of the source a provider cannot express (services, request principals, remote
/// IP blocks, any authenticated caller) are left out, and a rule left with no caller to match is not written.
/// </summary>
/// <param name="Rule">The rule to write, or null when it is not written.</param>
/// <param name="Dropped">The features cut, with their paths relative to the rule (<c>from.identities</c>, <c>when[0]</c>).</param>
public sealed record AccessRuleFit(AccessRule? Rule, IReadOnlyList<(MeshFeature Feature, string Path)> Dropped)
{
    /// <summary>The cut that left the rule out (null when it is written).</summary>
    public MeshFeature? Cause { get; private init; }

    /// <summary>Fits <paramref name="rule"/> of a policy with <paramref name="action"/> to what <paramref name="writes"/> accepts.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="action">The policy's action.</param>
    /// <param name="writes">Whether the provider writes a feature.</param>
    public static AccessRuleFit Of(AccessRule rule, AccessAction action, Func<MeshFeature, bool> writes)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(writes);
        var dropped = new List<(MeshFeature, string)>();
        MeshFeature? narrowingLost = null;
        var source = rule.From;
        if (source is not null)
        {
            var hadAlternatives = source.HasAlternatives;
            if (!source.Services.IsEmpty && !writes(MeshFeature.AccessFromServices)) { dropped.Add((MeshFeature.AccessFromServices, "from.services")); source = source with { Services = default }; }
            if (source.Authenticated && !writes(MeshFeature.AccessFromAuthenticated)) { dropped.Add((MeshFeature.AccessFromAuthenticated, "from.authenticated")); source = source with { Authenticated = false }; }
            if (!source.Identities.IsEmpty && !writes(MeshFeature.AccessFromIdentities)) { dropped.Add((MeshFeature.AccessFromIdentities, "from.identities")); source = source with { Identities = default }; }
            if (!source.RequestPrincipals.IsEmpty && !writes(MeshFeature.AccessFromRequestPrincipals)) { dropped.Add((MeshFeature.AccessFromRequestPrincipals, "from.requestPrincipals")); source = source with { RequestPrincipals = default }; }
            if (!source.RemoteIpBlocks.IsEmpty && !writes(MeshFeature.AccessFromRemoteIpBlocks)) { dropped.Add((MeshFeature.AccessFromRemoteIpBlocks, "from.remoteIpBlocks")); source = source with { RemoteIpBlocks = default }; }
            if (hadAlternatives && !source.HasAlternatives) return new AccessRuleFit(null, dropped) { Cause = dropped[^1].Item1 };
            // An exclusion naming services the provider cannot express is lost as a whole, like any exclusion it cannot write.
            if (source.Not is not null && (!writes(MeshFeature.AccessFromExcluded) || (!source.Not.Services.IsEmpty && !writes(MeshFeature.AccessFromServices)))) { dropped.Add((MeshFeature.AccessFromExcluded, "from.not")); source = source with { Not = null }; narrowingLost ??= MeshFeature.AccessFromExcluded; }
        }
        var to = rule.To;
        if (to is not null)
        {
            if (!to.Hosts.IsEmpty && !writes(MeshFeature.AccessToHosts)) { dropped.Add((MeshFeature.AccessToHosts, "to.hosts")); to = to with { Hosts = default }; narrowingLost ??= MeshFeature.AccessToHosts; }
            if (to.Not is not null && !writes(MeshFeature.AccessToExcluded)) { dropped.Add((MeshFeature.AccessToExcluded, "to.not")); to = to with { Not = null }; narrowingLost ??= MeshFeature.AccessToExcluded; }
        }
        var when = new List<AccessCondition>();
        for (var i = 0; i < rule.When.Count; i++)
        {
            var feature = FeatureOf(rule.When[i].Key);
            if (writes(feature)) when.Add(rule.When[i]);
            else
            {
                dropped.Add((feature, $"when[{i}]"));
                narrowingLost ??= feature;
            }
        }
        if (narrowingLost is not null && action == AccessAction.Allow) return new AccessRuleFit(null, dropped) { Cause = narrowingLost };
        return new AccessRuleFit(rule with { From = source is { IsAnyone: true } ? null : source, To = to is { IsAnything: true } ? null : to, When = [.. when] }, dropped);
    }

    /// <summary>The capability a condition on <paramref name="key"/> needs.</summary>
    /// <param name="key">The condition's key.</param>
    public static MeshFeature FeatureOf(AccessConditionKey key) => key.Attribute switch
    {
        AccessAttribute.RequestHeader => MeshFeature.AccessWhenHeaders,
        AccessAttribute.RequestPrincipal or AccessAttribute.RequestAudiences or AccessAttribute.RequestPresenter or AccessAttribute.RequestClaim => MeshFeature.AccessWhenToken,
        _ => MeshFeature.AccessWhenConnection,
    };

    /// <summary>What cutting <paramref name="feature"/> did to the rule, for a diagnostic's message.</summary>
    /// <param name="feature">A feature in <see cref="Dropped"/>.</param>
    /// <param name="action">The policy's action.</param>
    public string Consequence(MeshFeature feature, AccessAction action)
    {
        var caller = feature == MeshFeature.AccessFromServices || feature == MeshFeature.AccessFromAuthenticated || feature == MeshFeature.AccessFromIdentities || feature == MeshFeature.AccessFromRequestPrincipals || feature == MeshFeature.AccessFromRemoteIpBlocks;
        if (Rule is null)
        {
            if (feature != Cause) return "The rule is not written (see the other parts of it reported).";
            return caller ? "The rule is not written: no caller it names can be expressed." : "The rule is not written: without it, the allow rule would admit more requests.";
        }
        return caller
            ? "The rule is written without these callers."
            : $"The rule is written without it and {(action == AccessAction.Deny ? "denies" : "audits")} more requests.";
    }
}
