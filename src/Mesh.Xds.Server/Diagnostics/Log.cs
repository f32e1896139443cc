using Microsoft.Extensions.Logging;

namespace Mesh.Xds.Server.Diagnostics;

/// <summary>The server's log messages (source-generated).</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "ADS {Mode} stream opened for node '{NodeId}' (group '{Group}')")]
    public static partial void StreamOpened(ILogger logger, string mode, string nodeId, string group);

    [LoggerMessage(2, LogLevel.Information, "ADS {Mode} stream closed for node '{NodeId}'")]
    public static partial void StreamClosed(ILogger logger, string mode, string nodeId);

    [LoggerMessage(3, LogLevel.Warning, "Node '{NodeId}' rejected {TypeUrl} version {RejectedVersion} (keeps {KeptVersion}): {Message}")]
    public static partial void Nack(ILogger logger, string nodeId, string typeUrl, string rejectedVersion, string keptVersion, string message);

    [LoggerMessage(4, LogLevel.Debug, "Node '{NodeId}' asked for {TypeUrl}, which this server does not serve; the request is ignored")]
    public static partial void UnknownType(ILogger logger, string nodeId, string typeUrl);

    [LoggerMessage(5, LogLevel.Warning, "Malformed ADS request from {Peer}: {Reason}")]
    public static partial void MalformedRequest(ILogger logger, string peer, string reason);

    [LoggerMessage(6, LogLevel.Error, "ADS stream for node '{NodeId}' failed")]
    public static partial void StreamFailed(ILogger logger, Exception exception, string nodeId);

    [LoggerMessage(7, LogLevel.Debug, "Snapshot set for group '{Group}' ({Streams} open streams)")]
    public static partial void SnapshotSet(ILogger logger, string group, int streams);
}
