using Mesh.Model;
using Mesh.Providers.Consul.Translation;

namespace Mesh.Providers.Consul.Mapping;

/// <summary>
/// Model callers → Consul intention sources. Consul's identity is the calling <b>service name</b> (consul-k8s requires a pod's
/// ServiceAccount to be named like its service when ACLs are on): a service account <c>ns/name</c> is the source
/// <c>name</c> (in namespace <c>ns</c> on Enterprise); a namespace is <c>'*'</c> in it on Enterprise, or on Community
/// Edition — which has one namespace — every model service of it; any authenticated caller is <c>'*'</c>. IP blocks and
/// unauthenticated callers are n/e.
/// </summary>
internal static class IntentionSources
{
    /// <summary>A source key: a service name or <c>*</c>, and its namespace (null: every namespace, i.e. Community Edition or any).</summary>
    public readonly record struct Key(string Name, string? Namespace);

    public static List<Key> Of(AccessSource? from, string path, ConsulExportContext ctx)
    {
        if (from is null || from.IsAnyone)
        {
            return [new Key("*", null)];
        }
        // Sized up front: on Community Edition a namespace is every service of it, often a hundred keys.
        var capacity = from.ServiceAccounts.Count;
        foreach (var ns in from.Namespaces) capacity += ctx.Enterprise ? 1 : ctx.ServiceNames.NamesIn(ns).Count;
        var keys = new List<Key>(capacity);
        if (from.IpBlocks.Count > 0) ctx.UnsupportedOnce($"{path}.from.ipBlocks", "Consul intentions match callers by service identity, not by IP address: the IP blocks are not written.");
        if (from.Unauthenticated) ctx.UnsupportedOnce($"{path}.from.unauthenticated", "Consul intentions apply to mesh identities only: callers without one cannot be matched.");
        // Intentions only ever see mesh identities, so "any authenticated caller" is the wildcard source (read back as anyone).
        if (from.Authenticated)
        {
            keys.Add(new Key("*", null));
            ctx.ApproximatedOnce($"{path}.from.authenticated", "Consul intentions see mesh identities only: any authenticated caller is written as the '*' source, which reads back as anyone.");
        }
        for (var i = 0; i < from.ServiceAccounts.Count; i++)
        {
            var account = from.ServiceAccounts[i];
            keys.Add(new Key(account.Name, ctx.Enterprise ? account.Namespace : null));
            var services = ctx.ServiceNames.NamespacesOf(account.Name);
            if (!services.Contains(account.Namespace))
            {
                ctx.ApproximatedOnce($"{path}.from.serviceAccounts[{i}]", ctx.Message("Consul identifies callers by service name: the service account '{0}' is written as the service of its name (consul-k8s requires the names to match), which the model does not declare.", account.ToString()));
            }
            else if (!ctx.Enterprise && services.Count > 1)
            {
                ctx.ApproximatedOnce($"{path}.from.serviceAccounts[{i}]", ctx.Message("Ambiguous on Consul Community Edition: services named '{0}' exist in several namespaces and share one Consul identity, so the source matches all of them.", account.Name));
            }
        }
        for (var i = 0; i < from.Namespaces.Count; i++)
        {
            var ns = from.Namespaces[i];
            if (ctx.Enterprise)
            {
                keys.Add(new Key("*", ns));
                continue;
            }
            foreach (var member in ctx.ServiceNames.NamesIn(ns)) keys.Add(new Key(member, null));
            ctx.ApproximatedOnce($"{path}.from.namespaces[{i}]", ctx.Message("Consul Community Edition has one namespace: callers from namespace '{0}' are written as its services in the model, by name.", ns));
        }
        return keys;
    }

    /// <summary>Whether intentions of <paramref name="general"/> also apply to callers of <paramref name="specific"/> (Consul picks only the most specific source).</summary>
    public static bool Covers(Key general, Key specific) =>
        general != specific && general.Name == "*" && (general.Namespace is null || general.Namespace == specific.Namespace);
}
