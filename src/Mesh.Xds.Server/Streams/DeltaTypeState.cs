namespace Mesh.Xds.Server.Streams;

/// <summary>What a delta stream knows about one resource type.</summary>
internal sealed class DeltaTypeState
{
    /// <summary>Whether the client subscribed to every resource (LDS/CDS).</summary>
    public bool Wildcard { get; set; }

    /// <summary>The names subscribed explicitly.</summary>
    public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The version of each resource the client has: from its first request's <c>initial_resource_versions</c>, then
    /// what was sent. A NACKed resource stays recorded as sent, so it is not sent again until it changes.
    /// </summary>
    public Dictionary<string, ulong> ClientVersions { get; } = new(StringComparer.Ordinal);

    /// <summary>The nonce of the last response sent, or null before the first.</summary>
    public string? Nonce { get; set; }

    /// <summary>The nonce the client last ACKed or NACKed: each response is answered once.</summary>
    public string? AnsweredNonce { get; set; }

    /// <summary>The system version of the last response sent.</summary>
    public string? SentVersion { get; set; }

    public bool IsSubscribed(string name) => Wildcard || Names.Contains(name);
}
