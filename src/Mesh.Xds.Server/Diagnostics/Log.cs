using Microsoft.Extensions.Logging;

namespace Mesh.Xds.Server.Diagnostics;

/// <summary>The server's log messages (source-generated).</summary>
internal static partial class Log
{
    /// <summary>How much of a string a client chose (a type URL, an error message) goes into a log message.</summary>
    public const int ClientTextLimit = 256;

    [LoggerMessage(1, LogLevel.Information, "ADS {Mode} stream opened for node '{NodeId}' (group '{Group}')")]
    public static partial void StreamOpened(ILogger logger, string mode, string nodeId, string group);

    [LoggerMessage(2, LogLevel.Information, "ADS {Mode} stream closed for node '{NodeId}': {Reason}")]
    public static partial void StreamClosed(ILogger logger, string mode, string nodeId, string reason);

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

    [LoggerMessage(8, LogLevel.Warning, "ADS {Mode} stream of node '{NodeId}' ended: {Count} {What} of {TypeUrl} is over the limit of {Limit} (MaxResourceNamesPerType)")]
    public static partial void TooManyNames(ILogger logger, string mode, string nodeId, int count, string what, string typeUrl, int limit);

    /// <summary>At most <see cref="ClientTextLimit"/> characters of a client's text, marked when cut.</summary>
    public static string Clip(string text) => text.Length <= ClientTextLimit ? text : string.Concat(text.AsSpan(0, ClientTextLimit), $"… ({text.Length} characters)");
}
