using Mesh.Diagnostics;
using Mesh.Model;

namespace Mesh.Validation.Validators;

/// <summary>
/// Validates a <see cref="LoadBalancer"/>: a consistent hash exactly when the algorithm is consistent hashing, with the key
/// name it needs, cookie attributes only on a cookie key, a hash table size the proxies accept; locality settings
/// (<see cref="LocalityValidator"/>) and warm-up in range.
/// </summary>
internal sealed class LoadBalancerValidator : ModelValidator<LoadBalancer>
{
    public static readonly LoadBalancerValidator Instance = new();

    private static readonly string HashProperty = WireNames.Of(LoadBalancerAlgorithm.ConsistentHash);

    protected override void Check(LoadBalancer item, Reporter report)
    {
        if (!Enum.IsDefined(item.Algorithm))
        {
            report.Enum(nameof(LoadBalancer.Algorithm), item.Algorithm);
            return;
        }
        if (item.Algorithm == LoadBalancerAlgorithm.ConsistentHash && item.ConsistentHash is null)
        {
            report.Error(HashProperty, DiagnosticCodes.ConflictingFields, "Consistent-hash load balancing needs a hash key (header, cookie, queryParameter or sourceIp).");
        }
        if (item.Algorithm != LoadBalancerAlgorithm.ConsistentHash && item.ConsistentHash is not null)
        {
            report.Error(HashProperty, DiagnosticCodes.ConflictingFields, $"A hash key is set but the algorithm is {WireNames.Of(item.Algorithm)}.");
        }
        if (item.Warmup is { } warmup)
        {
            report.Positive("Warmup.Duration", warmup.Duration, "The warm-up duration");
            report.Percentage("Warmup.MinimumPercent", warmup.MinimumPercent, "The warm-up minimum percent");
            if (warmup.Aggression is <= 0m)
            {
                report.Error("Warmup.Aggression", DiagnosticCodes.InvalidLoadBalancing, $"The warm-up aggression must be greater than 0 (1 is linear), not {warmup.Aggression}.");
            }
        }
        if (item.Locality is { } locality) LocalityValidator.Check(locality, report);
        if (item.ConsistentHash is not { } hash) return;
        if (!Enum.IsDefined(hash.Key))
        {
            report.Enum(HashProperty + ".Key", hash.Key);
            return;
        }
        var key = $"{HashProperty}.{WireNames.Of(hash.Key)}";
        if (hash.Key == HashKey.SourceIp && hash.Name is not null)
        {
            report.Error(key, DiagnosticCodes.InvalidHashKey, $"Hashing on the source IP takes no name, but has '{hash.Name}'.");
        }
        if (hash.Key != HashKey.SourceIp && string.IsNullOrEmpty(hash.Name))
        {
            report.Error(key, DiagnosticCodes.InvalidHashKey, $"Hashing on a {WireNames.Of(hash.Key)} needs its name.");
        }
        if (hash.Key != HashKey.Cookie && (hash.CookieTtl is not null || hash.CookiePath is not null))
        {
            report.Error(key, DiagnosticCodes.InvalidHashKey, $"A cookie's ttl and path apply to a cookie key, not to a {WireNames.Of(hash.Key)}.");
        }
        if (hash.CookieTtl < TimeSpan.Zero)
        {
            report.Error(HashProperty + ".Cookie.Ttl", DiagnosticCodes.InvalidHashKey, "The cookie ttl cannot be negative (0 makes it a session cookie).");
        }
        if (hash.CookiePath is { } cookiePath && (!cookiePath.StartsWith('/') || cookiePath.Any(c => char.IsWhiteSpace(c) || c == ';')))
        {
            report.Error(HashProperty + ".Cookie.Path", DiagnosticCodes.InvalidHashKey, $"The cookie path '{cookiePath}' must start with '/' and hold no spaces or ';'.");
        }
        if (hash.Ring is { } ring) Ring(ring, report);
    }

    private static void Ring(HashRing ring, Reporter report)
    {
        if (!Enum.IsDefined(ring.Kind))
        {
            report.Enum(HashProperty + ".Ring.Kind", ring.Kind);
            return;
        }
        if (ring.HasValidSize) return;
        if (ring.Kind == HashRingKind.RingHash)
        {
            report.Error(HashProperty + ".RingHash.MinimumRingSize", DiagnosticCodes.InvalidLoadBalancing, $"The minimum ring size must be between 1 and {HashRing.MaxRingHashSize}, not {ring.Size}.");
        }
        else
        {
            report.Error(HashProperty + ".Maglev.TableSize", DiagnosticCodes.InvalidLoadBalancing, $"A Maglev table size must be a prime no larger than {HashRing.MaxMaglevTableSize} (65537 is the default), not {ring.Size}.");
        }
    }
}
