namespace Mesh.Model;

/// <summary>
/// The table a consistent hash maps onto. YAML: <c>ringHash: { minimumRingSize: 1024 }</c> or <c>maglev: { tableSize: 65537 }</c>
/// (the size may be left out for the mesh's default).
/// </summary>
/// <param name="Kind">Ring hash or Maglev.</param>
/// <param name="Size">
/// For <see cref="HashRingKind.RingHash"/> the minimum number of virtual nodes on the ring; for <see cref="HashRingKind.Maglev"/>
/// the lookup table size, a prime. Null for the mesh's default.
/// </param>
public sealed record HashRing(HashRingKind Kind, ulong? Size = null)
{
    /// <summary>Envoy's largest ring: 8,388,608 virtual nodes.</summary>
    public const ulong MaxRingHashSize = 8_388_608;

    /// <summary>Envoy's largest Maglev table: 5,000,011 (a prime).</summary>
    public const ulong MaxMaglevTableSize = 5_000_011;

    /// <summary>Whether <see cref="Size"/> is one the proxies accept: unset, a ring of 1 to <see cref="MaxRingHashSize"/>, or a prime Maglev table up to <see cref="MaxMaglevTableSize"/>.</summary>
    public bool HasValidSize => Size is not { } size || Kind switch
    {
        HashRingKind.RingHash => size is >= 1 and <= MaxRingHashSize,
        _ => size <= MaxMaglevTableSize && IsPrime(size),
    };

    private static bool IsPrime(ulong n)
    {
        if (n < 2) return false;
        if (n % 2 == 0) return n == 2;
        for (ulong d = 3; d * d <= n; d += 2)
        {
            if (n % d == 0) return false;
        }
        return true;
    }
}
