using Mesh.Diagnostics;
using Mesh.Model;

namespace Mesh.Validation.Validators;

/// <summary>Validates a <see cref="LoadBalancer"/>: a consistent hash exactly when the algorithm is consistent hashing, with the key name it needs.</summary>
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
    }
}
