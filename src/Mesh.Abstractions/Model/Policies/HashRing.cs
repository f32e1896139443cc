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
public sealed record HashRing(HashRingKind Kind, ulong? Size = null);
