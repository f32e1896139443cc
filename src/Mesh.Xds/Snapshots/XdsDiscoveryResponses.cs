namespace Mesh.Xds;

/// <summary>
/// The four serialized state-of-the-world <c>DiscoveryResponse</c>s of a snapshot — what <c>mesh xds --out dir</c>
/// writes as <c>lds.pb</c>, <c>rds.pb</c>, <c>cds.pb</c> and <c>eds.pb</c>.
/// </summary>
/// <param name="Lds">The listeners response.</param>
/// <param name="Rds">The route configurations response.</param>
/// <param name="Cds">The clusters response.</param>
/// <param name="Eds">The load assignments response.</param>
public sealed record XdsDiscoveryResponses(byte[] Lds, byte[] Rds, byte[] Cds, byte[] Eds)
{
    /// <summary>The responses with the file names the CLI uses, in LDS, RDS, CDS, EDS order.</summary>
    /// <returns>Pairs of file name and bytes.</returns>
    public IReadOnlyList<KeyValuePair<string, byte[]>> ByFileName() =>
        [new("lds.pb", Lds), new("rds.pb", Rds), new("cds.pb", Cds), new("eds.pb", Eds)];
}
