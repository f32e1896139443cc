using Mesh.Model;
using Mesh.Providers.Istio.Resources;
using Mesh.Providers.Istio.Translation;

namespace Mesh.Providers.Istio.Mapping;

/// <summary>
/// Load balancers ↔ <c>loadBalancer</c>: <c>simple</c> (ROUND_ROBIN, LEAST_REQUEST, RANDOM; LEAST_CONN read as least request)
/// or <c>consistentHash</c> on one key (header, cookie with its ttl and path, query parameter, source IP) with its
/// <c>ringHash</c>/<c>maglev</c> table; <c>localityLbSetting</c> (<see cref="LocalityMapping"/>) and <c>warmup</c> beside either.
/// </summary>
internal static class LoadBalancerMapping
{
    /// <summary>The load balancer of the destination policy at <paramref name="policyPath"/>; null for a consistent hash without a key.</summary>
    public static LoadBalancerSettings? ToIstio(Model.LoadBalancer lb, string policyPath, IstioExportContext ctx)
    {
        var settings = lb.Algorithm switch
        {
            LoadBalancerAlgorithm.RoundRobin => new LoadBalancerSettings { Simple = "ROUND_ROBIN" },
            LoadBalancerAlgorithm.LeastRequest => new LoadBalancerSettings { Simple = "LEAST_REQUEST" },
            LoadBalancerAlgorithm.Random => new LoadBalancerSettings { Simple = "RANDOM" },
            LoadBalancerAlgorithm.Default => new LoadBalancerSettings(),
            _ => HashToIstio(lb.ConsistentHash, $"{policyPath}.loadBalancer", ctx),
        };
        if (lb.Locality is null && lb.Warmup is null) return settings;
        settings ??= new LoadBalancerSettings();
        if (lb.Locality is { } locality) settings.LocalityLbSetting = LocalityMapping.ToIstio(locality);
        if (lb.Warmup is { } warmup)
        {
            settings.Warmup = new WarmupConfiguration
            {
                Duration = DurationMapping.ToIstio(warmup.Duration),
                MinimumPercent = warmup.MinimumPercent is { } min ? (double)min : null,
                Aggression = warmup.Aggression is { } aggression ? (double)aggression : null,
            };
        }
        return settings;
    }

    private static LoadBalancerSettings? HashToIstio(Model.ConsistentHash? hash, string path, IstioExportContext ctx)
    {
        if (hash is null)
        {
            ctx.Unsupported($"{path}.consistentHash", "A consistent-hash load balancer needs a hash key; none is set, so no load balancer is written.");
            return null;
        }
        var settings = hash.Key switch
        {
            HashKey.Header => new ConsistentHashLB { HttpHeaderName = hash.Name },
            HashKey.Cookie => new ConsistentHashLB
            {
                HttpCookie = new HttpCookie { Name = hash.Name, Path = hash.CookiePath, Ttl = hash.CookieTtl is { } ttl ? DurationMapping.ToIstio(ttl) : null },
            },
            HashKey.QueryParameter => new ConsistentHashLB { HttpQueryParameterName = hash.Name },
            _ => new ConsistentHashLB { UseSourceIp = true },
        };
        if (hash.Ring is { Kind: HashRingKind.Maglev } maglev) settings.Maglev = new MaglevConfig { TableSize = maglev.Size };
        else if (hash.Ring is { } ring) settings.RingHash = new RingHashConfig { MinimumRingSize = ring.Size };
        return new LoadBalancerSettings { ConsistentHash = settings };
    }

    public static Model.LoadBalancer? ToModel(LoadBalancerSettings lb, string source, string path, IstioImportContext ctx)
    {
        var algorithm = AlgorithmToModel(lb, source, path, ctx);
        var locality = lb.LocalityLbSetting is { } l ? LocalityMapping.ToModel(l, source, $"{path}.localityLbSetting", ctx) : null;
        var warmup = WarmupToModel(lb, source, path, ctx);
        if (locality is null && warmup is null) return algorithm;
        return (algorithm ?? Model.LoadBalancer.MeshDefault) with { Locality = locality, Warmup = warmup };
    }

    private static Warmup? WarmupToModel(LoadBalancerSettings lb, string source, string path, IstioImportContext ctx)
    {
        if (lb.Warmup is { } w)
        {
            if (lb.WarmupDurationSecs is not null) ctx.NotImported(source, $"{path}.warmupDurationSecs", "warmup replaces the deprecated warmupDurationSecs; warmup was imported.");
            var duration = DurationMapping.ToModel(w.Duration, source, $"{path}.warmup.duration", ctx);
            if (duration is not { } d || d <= TimeSpan.Zero)
            {
                ctx.Invalid(source, $"{path}.warmup.duration", "A warm-up needs a positive duration; the warm-up was not imported.");
                return null;
            }
            decimal? min = null;
            if (w.MinimumPercent is { } m)
            {
                if (m is >= 0 and <= 100) min = (decimal)m;
                else ctx.Invalid(source, $"{path}.warmup.minimumPercent", $"{m} is not a percentage 0-100; it was not imported.");
            }
            decimal? aggression = null;
            if (w.Aggression is { } a)
            {
                if (a > 0 && double.IsFinite(a)) aggression = (decimal)a;
                else ctx.Invalid(source, $"{path}.warmup.aggression", $"The aggression must be greater than 0, not {a}; it was not imported.");
            }
            return new Warmup { Duration = d, MinimumPercent = min, Aggression = aggression };
        }
        if (lb.WarmupDurationSecs is { } secs)
        {
            ctx.Legacy(source, $"{path}.warmupDurationSecs", "warmupDurationSecs is deprecated; it was read as warmup.duration.");
            return DurationMapping.ToModel(secs, source, $"{path}.warmupDurationSecs", ctx) is { } d && d > TimeSpan.Zero ? new Warmup { Duration = d } : null;
        }
        return null;
    }

    private static Model.LoadBalancer? AlgorithmToModel(LoadBalancerSettings lb, string source, string path, IstioImportContext ctx)
    {
        if (lb.ConsistentHash is { } hash)
        {
            if (lb.Simple is not null) ctx.NotImported(source, $"{path}.simple", "Istio takes one of simple and consistentHash; the consistent hash was imported.");
            var keys = new List<(string Field, Model.ConsistentHash Key)>();
            if (hash.HttpHeaderName is { } header) keys.Add(("httpHeaderName", Model.ConsistentHash.Header(header)));
            if (hash.HttpCookie is { Name: { } cookie } c) keys.Add(("httpCookie", CookieToModel(cookie, c, source, $"{path}.consistentHash.httpCookie", ctx)));
            if (hash.UseSourceIp is true) keys.Add(("useSourceIp", Model.ConsistentHash.SourceIp));
            if (hash.HttpQueryParameterName is { } query) keys.Add(("httpQueryParameterName", Model.ConsistentHash.QueryParameter(query)));
            if (keys.Count == 0)
            {
                ctx.NotImported(source, $"{path}.consistentHash", "The consistent hash has no hash key the model knows; it was not imported.");
                return null;
            }
            foreach (var (field, _) in keys.Skip(1)) ctx.NotImported(source, $"{path}.consistentHash.{field}", "A consistent hash has one key; only the first was imported.");
            return Model.LoadBalancer.HashOn(keys[0].Key with { Ring = RingToModel(hash, source, $"{path}.consistentHash", ctx) });
        }
        switch (lb.Simple)
        {
            case null:
                return null;
            case "ROUND_ROBIN":
                return Model.LoadBalancer.RoundRobin;
            case "LEAST_REQUEST":
                return Model.LoadBalancer.LeastRequest;
            case "RANDOM":
                return Model.LoadBalancer.Random;
            case "LEAST_CONN":
                ctx.Legacy(source, $"{path}.simple", "LEAST_CONN is the deprecated name of LEAST_REQUEST; it was read as least request.");
                return Model.LoadBalancer.LeastRequest;
            case "UNSPECIFIED":
                ctx.NotImportedInfo(source, $"{path}.simple", "UNSPECIFIED is the mesh's default load balancer; the model leaves it unset.");
                return null;
            case "PASSTHROUGH":
                ctx.NotImported(source, $"{path}.simple", "PASSTHROUGH (forward to the original destination) is not a model load balancer; it was not imported.");
                return null;
            default:
                ctx.Invalid(source, $"{path}.simple", $"'{lb.Simple}' is not a load balancer (ROUND_ROBIN, LEAST_REQUEST, RANDOM, PASSTHROUGH, LEAST_CONN, UNSPECIFIED).");
                return null;
        }
    }

    private static Model.ConsistentHash CookieToModel(string name, HttpCookie cookie, string source, string path, IstioImportContext ctx)
    {
        var ttl = DurationMapping.ToModel(cookie.Ttl, source, $"{path}.ttl", ctx);
        var cookiePath = cookie.Path;
        if (cookiePath is not null && (!cookiePath.StartsWith('/') || cookiePath.Any(c => char.IsWhiteSpace(c) || c == ';')))
        {
            ctx.Invalid(source, $"{path}.path", $"The cookie path '{cookiePath}' must start with '/' and hold no spaces or ';'; it was not imported.");
            cookiePath = null;
        }
        return Model.ConsistentHash.Cookie(name) with { CookieTtl = ttl is { } t && t >= TimeSpan.Zero ? t : null, CookiePath = cookiePath };
    }

    private static HashRing? RingToModel(ConsistentHashLB hash, string source, string path, IstioImportContext ctx)
    {
        if (hash.Maglev is not null && (hash.RingHash is not null || hash.MinimumRingSize is not null))
        {
            ctx.NotImported(source, $"{path}.maglev", "Istio takes one of ringHash and maglev; the ring hash was imported.");
        }
        if (hash.RingHash is { } ring)
        {
            if (hash.MinimumRingSize is not null) ctx.NotImported(source, $"{path}.minimumRingSize", "ringHash.minimumRingSize replaces the deprecated minimumRingSize; ringHash was imported.");
            return Sized(HashRingKind.RingHash, ring.MinimumRingSize, $"{path}.ringHash.minimumRingSize");
        }
        if (hash.MinimumRingSize is { } legacy)
        {
            ctx.Legacy(source, $"{path}.minimumRingSize", "minimumRingSize is deprecated; it was read as ringHash.minimumRingSize.");
            return Sized(HashRingKind.RingHash, legacy, $"{path}.minimumRingSize");
        }
        if (hash.Maglev is { } maglev) return Sized(HashRingKind.Maglev, maglev.TableSize, $"{path}.maglev.tableSize");
        return null;

        // Zero is Istio's "default size"; a size Envoy rejects is an error at its path.
        HashRing Sized(HashRingKind kind, ulong? size, string at)
        {
            var ring = new HashRing(kind, size is 0 ? null : size);
            if (ring.HasValidSize) return ring;
            ctx.Invalid(source, at, $"{size} is out of range for Envoy (a ring of 1 to {HashRing.MaxRingHashSize} nodes, a prime Maglev table of at most {HashRing.MaxMaglevTableSize}); the mesh's default was imported.");
            return ring with { Size = null };
        }
    }
}
