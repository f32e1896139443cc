using Mesh.Kubernetes;
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
    /// <summary>
    /// What one source of a protected service is granted. A namespace source on Community Edition expands to every service of
    /// the namespace, so one rule's rules are shared by all of them (<see cref="Shared"/>) and copied only when another rule
    /// changes one source; permission chunks are one rule's permissions, built once.
    /// </summary>
    private sealed class SourceRules
    {
        public bool L4Deny;
        public bool L4Allow;
        public List<IntentionPermission[]>? Deny;
        public List<IntentionPermission[]>? Allow;
        /// <summary>Referenced by several sources: copy before changing.</summary>
        public bool Shared;
        /// <summary>The permissions written for these rules, built once for every source that has them.</summary>
        public List<IntentionPermission>? Written;

        public SourceRules Copy() => new()
        {
            L4Deny = L4Deny,
            L4Allow = L4Allow,
            Deny = Deny is null ? null : [.. Deny],
            Allow = Allow is null ? null : [.. Allow],
        };

        public void Add(bool allow, IntentionPermission[]? chunk)
        {
            if (chunk is null)
            {
                if (allow) L4Allow = true;
                else L4Deny = true;
            }
            else if (allow) (Allow ??= []).Add(chunk);
            else (Deny ??= []).Add(chunk);
        }

        /// <summary>Adds a covering wildcard source's rules: its denies first, its allows last.</summary>
        public void Merge(SourceRules other)
        {
            L4Deny |= other.L4Deny;
            L4Allow |= other.L4Allow;
            if (other.Deny is { Count: > 0 }) (Deny ??= []).InsertRange(0, other.Deny);
            if (other.Allow is { Count: > 0 }) (Allow ??= []).AddRange(other.Allow);
        }

        public bool HasPermissions => Deny is { Count: > 0 } || Allow is { Count: > 0 };

        /// <summary>
        /// The permissions in Consul's first-match order: the denies, the allows that need no token, the allow of everything
        /// when the source has it (which covers the allows that need a token: they are left out), else those allows, one
        /// permission per request criteria with their token alternatives together. Consul excludes an earlier permission's
        /// request criteria (not its token) from every later one, so an allow needing a token goes after those needing none.
        /// </summary>
        public List<IntentionPermission> Permissions(bool allowRest, IntentionPermission allowAll)
        {
            var count = (L4Allow || allowRest) ? 1 : 0;
            foreach (var chunk in (IEnumerable<IntentionPermission[]>?)Deny ?? []) count += chunk.Length;
            foreach (var chunk in (IEnumerable<IntentionPermission[]>?)Allow ?? []) count += chunk.Length;
            var permissions = new List<IntentionPermission>(count);
            foreach (var chunk in (IEnumerable<IntentionPermission[]>?)Deny ?? []) permissions.AddRange(chunk);
            List<IntentionPermission>? tokens = null;
            foreach (var chunk in (IEnumerable<IntentionPermission[]>?)Allow ?? [])
            {
                if (chunk.Length > 0 && chunk[0].Jwt is not null) (tokens ??= []).AddRange(chunk);
                else permissions.AddRange(chunk);
            }
            if (L4Allow || allowRest) permissions.Add(allowAll);
            else if (tokens is not null) permissions.AddRange(JwtPermissions.Merged(tokens));
            return permissions;
        }
    }

    private sealed class Protected
    {
        public bool HasAllow;
        public bool L7Refused;
        public Dictionary<IntentionSources.Key, SourceRules> Sources { get; } = [];

        /// <summary>The access policies written into the entry (its source annotation).</summary>
        public List<string> Policies { get; } = [];
    }

    /// <summary>Adds one rule's permissions (null: an L4 rule) for the callers of <paramref name="key"/>.</summary>
    private static void AddChunk(Protected entry, IntentionSources.Key key, bool allow, IntentionPermission[]? chunk)
    {
        if (!entry.Sources.TryGetValue(key, out var existing))
        {
            existing = new SourceRules();
            entry.Sources[key] = existing;
        }
        else if (existing.Shared) entry.Sources[key] = existing = existing.Copy();
        existing.Add(allow, chunk);
    }

    public static List<ServiceIntentions> ToConsul(ConsulExportContext ctx, JwtProviderMapping.Providers providers)
    {
        var config = ctx.Config;
        var byService = new Dictionary<ServiceRef, Protected>();
        var order = new List<ServiceRef>();
        for (var i = 0; i < config.AccessPolicies.Count; i++)
        {
            var policy = config.AccessPolicies[i];
            var path = $"$.spec.accessPolicies[{i}]";
            if (!ctx.WritesAccessAction(i, ConsulCapabilities.Instance)) continue;
            if (policy.Target?.Subset is not null)
            {
                ctx.UnsupportedOnce($"{path}.target.subset", "Consul intentions protect a whole service, not a subset: the policy is not written.");
                continue;
            }
            var targets = policy.Target is { } t
                ? [t.Service]
                : config.Services.Where(s => s.Namespace == policy.Namespace).Select(s => s.Reference).Distinct().ToList();
            if (policy.Target is null) ctx.NoteOnce(path, ctx.Message("A namespace-wide policy is written as intentions of each model service of namespace '{0}'.", policy.Namespace));
            var allow = policy.Action == AccessAction.Allow;
            // A rule's permissions and sources are the same for every target: built once per rule, at its first target.
            var rules = new (bool Built, IntentionPermission[]? Chunk, List<IntentionSources.Key>? Sources)[policy.Rules.Count];
            var fitted = new AccessRule?[policy.Rules.Count];
            for (var j = 0; j < fitted.Length; j++) fitted[j] = ctx.FitAccessRule(i, j, ConsulCapabilities.Instance);
            // Rules that need a verified token: an allow rule's are written per target (its providers); a deny rule loses them.
            var tokens = new bool[fitted.Length];
            for (var j = 0; j < fitted.Length; j++)
            {
                if (fitted[j] is not { } rule || !JwtPermissions.NeedsToken(rule)) continue;
                if (allow) tokens[j] = true;
                else fitted[j] = JwtPermissions.WithoutTokens(rule, $"{path}.rules[{j}]", ctx);
            }
            foreach (var target in targets)
            {
                if (!byService.TryGetValue(target, out var entry))
                {
                    byService[target] = entry = new Protected();
                    order.Add(target);
                }
                if (allow) entry.HasAllow = true;
                entry.Policies.Add(ModelObjectNames.Of(policy));
                for (var j = 0; j < rules.Length; j++)
                {
                    var rulePath = $"{path}.rules[{j}]";
                    if (fitted[j] is not { } rule) continue;
                    if (tokens[j])
                    {
                        JwtPermissions.Add(rule, target, rulePath, ctx, providers, (key, chunk) => AddChunk(entry, key, allow: true, chunk));
                        continue;
                    }
                    if (!rules[j].Built)
                    {
                        var permissions = IntentionPermissions.Of(rule.To, rule.When, rulePath, ctx);
                        var action = allow ? "allow" : "deny";
                        rules[j] = (true, permissions?.Select(p => new IntentionPermission { Action = action, Http = p }).ToArray(), null);
                    }
                    var chunk = rules[j].Chunk;
                    if (chunk is not null && !ProtocolMapping.EnsureL7(target, ctx))
                    {
                        ctx.UnsupportedOnce(rulePath, ctx.Message("Consul L7 permissions need an HTTP-family protocol, and '{0}' is tcp: the rule is not written.", target.ToString()));
                        entry.L7Refused = true;
                        continue;
                    }
                    var sources = rules[j].Sources ??= IntentionSources.Of(rule.From, rulePath, ctx);
                    var fresh = new SourceRules { Shared = true };
                    fresh.Add(allow, chunk);
                    entry.Sources.EnsureCapacity(entry.Sources.Count + sources.Count);
                    foreach (var key in sources)
                    {
                        if (!entry.Sources.TryGetValue(key, out var existing))
                        {
                            entry.Sources[key] = fresh;
                            continue;
                        }
                        if (existing.Shared) entry.Sources[key] = existing = existing.Copy();
                        existing.Add(allow, chunk);
                    }
                }
            }
        }
        var result = new List<ServiceIntentions>(order.Count + 1);
        foreach (var service in order) result.Add(Ownership.From(Intentions(service, byService[service], ctx), byService[service].Policies));
        // The model allows what no policy restricts: the default-allow intention is the model's own.
        if (ctx.Options.AllowByDefault && config.Services.Count > 0) result.Add(Ownership.From(DefaultAllow(ctx), ModelObjectNames.Of(config)));
        return result;
    }

    private static ServiceIntentions Intentions(ServiceRef service, Protected entry, ConsulExportContext ctx)
    {
        var intentions = ConsulEntries.Create<ServiceIntentions>(service);
        intentions.Spec.Destination = new IntentionDestination { Name = service.Name, Namespace = ctx.Enterprise ? service.Namespace : null };
        // The model allows what no allow policy restricts: without one, the rest is allowed explicitly (Consul denies by default).
        var allowRest = !entry.HasAllow;
        var everyone = new IntentionSources.Key("*", null);
        if (allowRest) entry.Sources.TryAdd(everyone, new SourceRules { L4Allow = true });
        var keys = new List<IntentionSources.Key>(entry.Sources.Keys);
        keys.Sort(static (a, b) =>
        {
            var byWildcard = (a.Name == "*").CompareTo(b.Name == "*");
            if (byWildcard != 0) return byWildcard;
            var byName = string.CompareOrdinal(a.Name, b.Name);
            return byName != 0 ? byName : string.CompareOrdinal(a.Namespace, b.Namespace);
        });
        // Only wildcard sources cover others: look at those alone, not at every pair of sources.
        var wildcards = keys.FindAll(k => k.Name == "*");
        IntentionPermission? allowAll = null;
        var sources = new List<IntentionSource>(keys.Count);
        foreach (var key in keys)
        {
            var own = entry.Sources[key];
            var rules = own;
            foreach (var general in wildcards)
            {
                if (!IntentionSources.Covers(general, key)) continue;
                if (ReferenceEquals(rules, own)) rules = own.Copy();
                rules.Merge(entry.Sources[general]);
            }
            var source = new IntentionSource { Name = key.Name, Namespace = key.Namespace, Partition = ctx.PartitionField };
            if (rules.L4Deny) source.Action = "deny";
            else if (rules.HasPermissions)
            {
                allowAll ??= new IntentionPermission { Action = "allow", Http = new IntentionHttpPermission { PathPrefix = "/" } };
                // Sources that share their rules share the written permissions too.
                source.Permissions = ReferenceEquals(rules, own)
                    ? own.Written ??= own.Permissions(allowRest, allowAll)
                    : rules.Permissions(allowRest, allowAll);
                ProtocolMapping.EnsureL7(service, ctx);
                ReportTokenOrder(service, source.Permissions, ctx);
            }
            else if (rules.L4Allow) source.Action = "allow";
            else continue;
            sources.Add(source);
        }
        if (sources.Count == 0) sources.Add(new IntentionSource { Name = "*", Action = "deny" });
        intentions.Spec.Sources = sources;
        return intentions;
    }

    /// <summary>
    /// Reports permissions that need different tokens for requests both match: Consul tries the first only (it removes an
    /// earlier permission's request criteria, not its token, from the later ones), so a token only the later one accepts is refused.
    /// </summary>
    private static void ReportTokenOrder(ServiceRef service, List<IntentionPermission> permissions, ConsulExportContext ctx)
    {
        for (var a = 0; a < permissions.Count; a++)
        {
            if (permissions[a].Jwt is null) continue;
            for (var b = a + 1; b < permissions.Count; b++)
            {
                if (permissions[b].Jwt is null || !JwtPermissions.MayOverlap(permissions[a].Http, permissions[b].Http)) continue;
                ctx.ApproximatedOnce("$.spec.accessPolicies", ctx.Message("Consul tries only the first of the permissions of '{0}' that match a request's path, methods and headers: where two allow rules needing different tokens match the same requests, a token only the later rule accepts is refused.", service.ToString()));
                return;
            }
        }
    }

    private static ServiceIntentions DefaultAllow(ConsulExportContext ctx)
    {
        var intentions = ConsulEntries.Create<ServiceIntentions>("mesh-sdk-default-allow", ctx.Options.DefaultNamespace);
        ConsulEntries.Annotate(intentions, ConsulEntries.DefaultAllow, "true");
        intentions.Spec.Destination = new IntentionDestination { Name = "*", Namespace = ctx.Enterprise ? "*" : null };
        intentions.Spec.Sources = [new IntentionSource { Name = "*", Namespace = ctx.Enterprise ? "*" : null, Action = "allow" }];
        return intentions;
    }
}
