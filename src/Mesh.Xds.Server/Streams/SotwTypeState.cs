namespace Mesh.Xds.Server.Streams;

/// <summary>What a state-of-the-world stream knows about one resource type.</summary>
internal sealed class SotwTypeState
{
    /// <summary>The subscribed names, or null for every resource (LDS/CDS wildcard).</summary>
    public HashSet<string>? Names { get; set; }

    /// <summary>The nonce of the last response sent, or null before the first.</summary>
    public string? Nonce { get; set; }

    /// <summary>The version the client has or is being sent: the last response's, or the version a new stream's first request reported.</summary>
    public string? SentVersion { get; set; }

    /// <summary>The nonce the client last ACKed or NACKed: each response is answered once.</summary>
    public string? AnsweredNonce { get; set; }

    /// <summary>The last version the client acknowledged.</summary>
    public string? AckedVersion { get; set; }
}
