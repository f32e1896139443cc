namespace Mesh.Model;

/// <summary>A consistent-hashing table.</summary>
public enum HashRingKind
{
    /// <summary>Ketama ring hashing: virtual nodes on a ring (YAML <c>ringHash</c>).</summary>
    RingHash,

    /// <summary>Maglev: a fixed lookup table, faster to build and look up, with less stable assignment on change (YAML <c>maglev</c>).</summary>
    Maglev,
}
