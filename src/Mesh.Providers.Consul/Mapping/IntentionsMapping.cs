using Mesh.Model;
using Mesh.Providers.Consul.Resources;
using Mesh.Providers.Consul.Translation;

namespace Mesh.Providers.Consul.Mapping;

/// <summary>
/// Access policies → one <c>ServiceIntentions</c> per protected service (named after it, <c>destination.name</c> = the service).
/// The model evaluates deny before allow, and a service with an allow policy denies everyone else; Consul keeps only the most
/// specific source per caller (exact name over <c>'*'</c>), evaluates its L7 permissions in order and falls back to the default
/// (deny with ACLs). So per source: an L4 deny is <c>action: deny</c>; otherwise the permissions are the denies then the
/// allows (a wildcard source's rules copied into each more specific source), closed by an allow of every path where the model
/// allows the rest; a service with only deny policies gets a <c>'*'</c> allow. With <see cref="ConsulOptions.AllowByDefault"/>
/// a <c>'*'</c> → <c>'*'</c> allow intention keeps unprotected services open.
/// </summary>
internal static partial class IntentionsMapping
{
    private sealed class SourceRules
    {
        public bool L4Deny;
        public bool L4Allow;
        public List<IntentionHttpPermission> Deny { get; } = [];
        public List<IntentionHttpPermission> Allow { get; } = [];

        public void Merge(SourceRules other)
        {
            L4Deny |= other.L4Deny;
            L4Allow |= other.L4Allow;
            Deny.InsertRange(0, other.Deny);
            Allow.AddRange(other.Allow);
        }
    }

    private sealed class Protected
    {
        public bool HasAllow;
        public bool L7Refused;
        public Dictionary<IntentionSources.Key, SourceRules> Sources { get; } = [];
    }

    public static List<ServiceIntentions> ToConsul(ConsulExportContext ctx)
    {
        var config = ctx.Config;
        var byService = new Dictionary<ServiceRef, Protected>();
        var order = new List<ServiceRef>();
        for (var i = 0; i < config.AccessPolicies.Count; i++)
        {
            var policy = config.AccessPolicies[i];
            var path = $"$.spec.accessPolicies[{i}]";
            if (policy.Target?.Subset is not null)
            {
                ctx.UnsupportedOnce($"{path}.target.subset", "Consul intentions protect a whole service, not a subset: the policy is not written.");
                continue;
            }
            var targets = policy.Target is { } t
                ? [t.Service]
                : config.Services.Where(s => s.Namespace == policy.Namespace).Select(s => s.Reference).Distinct().ToList();
            if (policy.Target is null) ctx.NoteOnce(path, ctx.Message("A namespace-wide policy is written as intentions of each model service of namespace '{0}'.", policy.Namespace));
            foreach (var target in targets)
            {
                if (!byService.TryGetValue(target, out var entry))
                {
                    byService[target] = entry = new Protected();
                    order.Add(target);
                }
                if (policy.Action == AccessAction.Allow) entry.HasAllow = true;
                for (var j = 0; j < policy.Rules.Count; j++)
                {
                    var rulePath = $"{path}.rules[{j}]";
                    var rule = policy.Rules[j];
                    var permissions = IntentionPermissions.Of(rule.To, rulePath, ctx);
                    if (permissions is not null && !ProtocolMapping.EnsureL7(target, ctx))
                    {
                        ctx.UnsupportedOnce(rulePath, ctx.Message("Consul L7 permissions need an HTTP-family protocol, and '{0}' is tcp: the rule is not written.", target.ToString()));
                        entry.L7Refused = true;
                        continue;
                    }
                    foreach (var key in IntentionSources.Of(rule.From, rulePath, ctx))
                    {
                        if (!entry.Sources.TryGetValue(key, out var rules)) entry.Sources[key] = rules = new SourceRules();
                        var allow = policy.Action == AccessAction.Allow;
                        if (permissions is null)
                        {
                            if (allow) rules.L4Allow = true;
                            else rules.L4Deny = true;
                        }
                        else (allow ? rules.Allow : rules.Deny).AddRange(permissions.Select(p => Clone(p)));
                    }
                }
            }
        }
        var result = new List<ServiceIntentions>();
        foreach (var service in order) result.Add(Intentions(service, byService[service], ctx));
        if (ctx.Options.AllowByDefault && config.Services.Count > 0) result.Add(DefaultAllow(ctx));
        return result;
    }

    private static ServiceIntentions Intentions(ServiceRef service, Protected entry, ConsulExportContext ctx)
    {
        var intentions = ConsulEntries.Create<ServiceIntentions>(service);
        intentions.Spec.Destination = new IntentionDestination { Name = service.Name, Namespace = ctx.Enterprise ? service.Namespace : null };
        // The model allows what no allow policy restricts: without one, the rest is allowed explicitly (Consul denies by default).
        var allowRest = !entry.HasAllow;
        if (allowRest && !entry.Sources.ContainsKey(new IntentionSources.Key("*", null))) entry.Sources[new IntentionSources.Key("*", null)] = new SourceRules { L4Allow = true };
        var keys = entry.Sources.Keys.ToList();
        // Only wildcard sources cover others: look at those alone, not at every pair of sources.
        var wildcards = keys.FindAll(k => k.Name == "*");
        var merged = new Dictionary<IntentionSources.Key, SourceRules>(keys.Count);
        foreach (var k in keys)
        {
            var rules = new SourceRules();
            rules.Merge(entry.Sources[k]);
            foreach (var general in wildcards)
            {
                if (IntentionSources.Covers(general, k)) rules.Merge(entry.Sources[general]);
            }
            merged[k] = rules;
        }
        var sources = new List<IntentionSource>();
        foreach (var key in keys.OrderBy(k => k.Name == "*" ? 1 : 0).ThenBy(k => k.Name, StringComparer.Ordinal).ThenBy(k => k.Namespace, StringComparer.Ordinal))
        {
            var rules = merged[key];
            var source = new IntentionSource { Name = key.Name, Namespace = key.Namespace, Partition = ctx.PartitionField };
            if (rules.L4Deny) source.Action = "deny";
            else if (rules.Deny.Count > 0 || rules.Allow.Count > 0)
            {
                source.Permissions = [.. rules.Deny.Select(p => new IntentionPermission { Action = "deny", Http = p }), .. rules.Allow.Select(p => new IntentionPermission { Action = "allow", Http = p })];
                if (rules.L4Allow || allowRest) source.Permissions.Add(new IntentionPermission { Action = "allow", Http = new IntentionHttpPermission { PathPrefix = "/" } });
                ProtocolMapping.EnsureL7(service, ctx);
            }
            else if (rules.L4Allow) source.Action = "allow";
            else continue;
            sources.Add(source);
        }
        if (sources.Count == 0) sources.Add(new IntentionSource { Name = "*", Action = "deny" });
        intentions.Spec.Sources = sources;
        return intentions;
    }

    private static ServiceIntentions DefaultAllow(ConsulExportContext ctx)
    {
        var intentions = ConsulEntries.Create<ServiceIntentions>("mesh-sdk-default-allow", ctx.Options.DefaultNamespace);
        ConsulEntries.Annotate(intentions, ConsulEntries.DefaultAllow, "true");
        intentions.Spec.Destination = new IntentionDestination { Name = "*", Namespace = ctx.Enterprise ? "*" : null };
        intentions.Spec.Sources = [new IntentionSource { Name = "*", Namespace = ctx.Enterprise ? "*" : null, Action = "allow" }];
        return intentions;
    }

    private static IntentionHttpPermission Clone(IntentionHttpPermission p) => new()
    {
        PathExact = p.PathExact,
        PathPrefix = p.PathPrefix,
        PathRegex = p.PathRegex,
        Methods = p.Methods,
    };
}
