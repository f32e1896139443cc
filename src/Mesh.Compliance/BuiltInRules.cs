using Mesh.Compliance.BuiltIn;

namespace Mesh.Compliance;

/// <summary>
/// The built-in pack: on by default (<see cref="MeshRules.IncludeBuiltIn"/>); a rules document entry with one of these ids
/// re-configures the rule (<c>enabled: false</c>, <c>severity</c>, <c>parameters</c>, <c>target</c>, <c>exemptions</c>), and an
/// entry with <c>check: &lt;id&gt;</c> runs the check again as a rule of its own (other parameters, other targets).
/// </summary>
public static class BuiltInRules
{
    /// <summary><c>mtls-strict</c>: every namespace with services runs strict mTLS (its namespace-wide policy, else the mesh-wide one).</summary>
    public const string MtlsStrict = "mtls-strict";

    /// <summary><c>mtls-no-wide-permissive</c>: no permissive or disabled mTLS policy is scoped wider than a workload.</summary>
    public const string MtlsNoWidePermissive = "mtls-no-wide-permissive";

    /// <summary><c>route-timeout</c>: every HTTP route rule that sends traffic has a timeout, at most <c>max</c> (default 30s).</summary>
    public const string RouteTimeout = "route-timeout";

    /// <summary><c>retry-bounded</c>: attempts at most <c>maxAttempts</c> (default 3); attempts × per-try timeout within the rule's timeout.</summary>
    public const string RetryBounded = "retry-bounded";

    /// <summary><c>outlier-detection</c>: every destination that callers retry has outlier detection.</summary>
    public const string OutlierDetection = "outlier-detection";

    /// <summary><c>external-no-wildcard</c>: no external service has a wildcard host or <c>resolution: none</c>.</summary>
    public const string ExternalNoWildcard = "external-no-wildcard";

    /// <summary><c>access-policy-required</c>: every namespace with services has an access policy.</summary>
    public const string AccessPolicyRequired = "access-policy-required";

    /// <summary><c>access-no-allow-all</c>: no allow rule admits every caller.</summary>
    public const string AccessNoAllowAll = "access-no-allow-all";

    /// <summary><c>mirror-not-external</c>: no rule mirrors traffic to an external service.</summary>
    public const string MirrorNotExternal = "mirror-not-external";

    /// <summary>Every rule of the pack with its default severity and what it requires, in the order they are checked.</summary>
    public static IReadOnlyList<ComplianceRuleInfo> All { get; } =
        [.. BuiltInCatalog.All.Select(c => new ComplianceRuleInfo(c.Id, c.DefaultSeverity, Describe(c), BuiltIn: true))];

    /// <summary>The parameters of a built-in rule and their defaults (as written in a rules document).</summary>
    /// <param name="id">The rule's id.</param>
    /// <returns>Parameter name → default; empty for a rule without parameters or an unknown id.</returns>
    public static IReadOnlyDictionary<string, string> Parameters(string id) =>
        BuiltInCatalog.Find(id) is { } check ? check.Parameters.ToDictionary(p => p.Name, p => p.Default, StringComparer.Ordinal) : new Dictionary<string, string>();

    internal static string Describe(BuiltInCheck check) => check.Description;
}
