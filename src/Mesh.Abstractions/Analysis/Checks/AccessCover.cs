using Mesh.Collections;
using Mesh.Model;

namespace Mesh.Analysis.Checks;

/// <summary>
/// Whether one access rule matches every request another matches: its callers include theirs (service accounts, namespaces,
/// IP blocks, identities, request principals, authenticated or not — compared as written, so a CIDR is not tested against a
/// wider one), its operation includes theirs (ports, methods, paths and hosts: exact, <c>prefix*</c>, <c>*suffix</c>), and
/// its exclusions and conditions are theirs too (compared as written: a narrower rule is never claimed covered by mistake).
/// </summary>
internal static class AccessCover
{
    public static bool Covers(AccessRule general, AccessRule specific) =>
        From(general.From, specific.From) && To(general.To, specific.To) && general.When.All(specific.When.Contains);

    private static bool IsAnyone(AccessSource? s) => s is null || s.IsAnyone;

    private static bool IsAnything(AccessOperation? o) => o is null || o.IsAnything;

    private static bool From(AccessSource? general, AccessSource? specific)
    {
        if (IsAnyone(general)) return true;
        if (IsAnyone(specific)) return false;
        // An exclusion of the general rule must be the specific rule's own.
        if (general!.Not is not null && general.Not != specific!.Not) return false;
        if (!general.HasAlternatives) return true;
        if (!specific!.HasAlternatives) return false;
        return specific.ServiceAccounts.All(a => general.Authenticated || general.ServiceAccounts.Contains(a) || general.Namespaces.Contains(a.Namespace))
            && specific.Services.All(v => general.Authenticated || general.Services.Contains(v) || general.Namespaces.Contains(v.Namespace))
            && specific.Namespaces.All(n => general.Authenticated || general.Namespaces.Contains(n))
            && specific.IpBlocks.All(general.IpBlocks.Contains)
            && specific.RemoteIpBlocks.All(general.RemoteIpBlocks.Contains)
            && specific.Identities.All(i => general.Authenticated || general.Identities.Any(g => PathCovers(g, i)))
            && specific.RequestPrincipals.All(r => general.RequestPrincipals.Any(g => PathCovers(g, r)))
            && (!specific.Unauthenticated || general.Unauthenticated)
            && (!specific.Authenticated || general.Authenticated);
    }

    private static bool To(AccessOperation? general, AccessOperation? specific)
    {
        if (IsAnything(general)) return true;
        if (IsAnything(specific)) return false;
        if (general!.Not is not null && general.Not != specific!.Not) return false;
        return Part(general.Ports, specific!.Ports, (g, s) => g == s)
            && Part(general.Methods, specific.Methods, (g, s) => string.Equals(g, s, StringComparison.OrdinalIgnoreCase))
            && Part(general.Paths, specific.Paths, PathCovers)
            && Part(general.Hosts, specific.Hosts, PathCovers);
    }

    /// <summary>An empty list is "any"; otherwise every value of the specific list must be covered by one of the general list.</summary>
    private static bool Part<T>(EquatableArray<T> general, EquatableArray<T> specific, Func<T, T, bool> covers) =>
        general.IsEmpty || (!specific.IsEmpty && specific.All(s => general.Any(g => covers(g, s))));

    internal static bool PathCovers(string general, string specific)
    {
        if (general == "*" || general == specific) return true;
        if (general.EndsWith('*'))
        {
            var prefix = general[..^1];
            return specific.EndsWith('*') ? specific[..^1].StartsWith(prefix, StringComparison.Ordinal) : specific.StartsWith(prefix, StringComparison.Ordinal) && !specific.StartsWith('*');
        }
        if (general.StartsWith('*'))
        {
            var suffix = general[1..];
            return specific.StartsWith('*') ? specific[1..].EndsWith(suffix, StringComparison.Ordinal) : specific.EndsWith(suffix, StringComparison.Ordinal) && !specific.EndsWith('*');
        }
        return false;
    }
}
