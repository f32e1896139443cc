using Mesh.Xds.Server.Cache;

namespace Mesh.Xds.Server.Streams;

/// <summary>An open ADS stream, as its node group sees it.</summary>
internal interface IAdsStream
{
    /// <summary>Hands the stream a new snapshot; never blocks (the stream keeps only the latest).</summary>
    void Push(ServedSnapshot snapshot);
}
