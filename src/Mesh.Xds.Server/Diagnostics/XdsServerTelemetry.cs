namespace Mesh.Xds.Server;

/// <summary>
/// The names under which the server reports: one <see cref="System.Diagnostics.Metrics.Meter"/> and its instruments
/// (listen with OpenTelemetry's <c>AddMeter(XdsServerTelemetry.MeterName)</c> or <c>dotnet-counters</c>).
/// </summary>
public static class XdsServerTelemetry
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Mesh.Xds.Server";

    /// <summary>Up-down counter: open ADS streams (connected proxies), tagged <c>mode</c> = <c>sotw</c> or <c>delta</c>.</summary>
    public const string Streams = "mesh.xds.server.streams";

    /// <summary>Counter: responses sent, tagged <c>type</c> (<c>lds</c>, <c>rds</c>, <c>cds</c>, <c>eds</c>) and <c>mode</c>.</summary>
    public const string Pushes = "mesh.xds.server.pushes";

    /// <summary>Counter: NACKs received (requests with <c>error_detail</c>), tagged <c>type</c>.</summary>
    public const string Nacks = "mesh.xds.server.nacks";

    /// <summary>Histogram, milliseconds: from <see cref="XdsSnapshotCache.SetSnapshot"/> to a response of that snapshot handed to the transport.</summary>
    public const string PushLatency = "mesh.xds.server.push.latency";

    /// <summary>
    /// Counter: pieces of wire format encoded, tagged <c>type</c> and <c>form</c> (<c>sotw</c>: a whole state-of-the-world
    /// body; <c>delta</c>: one resource wrapped for a delta response). Each is encoded once per snapshot and shared by
    /// every stream, so this grows with snapshot changes, not with the number of streams.
    /// </summary>
    public const string Encodings = "mesh.xds.server.encodings";
}
