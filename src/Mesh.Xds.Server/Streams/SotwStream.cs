using Grpc.Core;
using Status = Grpc.Core.Status;
using Mesh.Xds.Server.Cache;
using Mesh.Xds.Server.Diagnostics;
using Mesh.Xds.Server.Protocol;

namespace Mesh.Xds.Server.Streams;

/// <summary>
/// A state-of-the-world stream (<c>StreamAggregatedResources</c>). Per type: a response carries every subscribed resource
/// and a <c>version_info</c> that is a content hash; a request whose nonce is the last one sent is an ACK (its
/// <c>version_info</c>) or, with <c>error_detail</c>, a NACK (the client keeps its last good version and the server does
/// not send the rejected one again); a request with an older nonce is ignored, as the protocol says. A response is sent
/// only when its version differs from what the client has — so a client that reconnects with the current version,
/// here or on another replica, receives nothing.
/// </summary>
internal sealed class SotwStream(XdsSnapshotCache cache, IServerStreamWriter<EncodedMessage> writer, ServerCallContext context)
    : AdsStream<DiscoveryRequest>(cache, writer, context, "sotw")
{
    private readonly Dictionary<XdsResourceType, SotwTypeState> _types = [];

    protected override async ValueTask HandleAsync(DiscoveryRequest request, CancellationToken cancellationToken)
    {
        Identify(request.Node);
        if (request.TypeUrl.Length == 0)
        {
            Log.MalformedRequest(Cache.Logger, Context.Peer, "no type_url");
            throw new RpcException(new Status(StatusCode.InvalidArgument, "A request on an aggregated stream must carry type_url."));
        }
        if (!ResourceTypes.TryParse(request.TypeUrl, out var type))
        {
            UnknownType(request.TypeUrl);
            return;
        }
        CheckNameCount(type, request.ResourceNames.Count, "resource names");
        var isNew = !_types.TryGetValue(type, out var state);
        if (state is null)
        {
            // The first request of a type on this stream; a client reconnecting says which version it has.
            state = new SotwTypeState { SentVersion = request.VersionInfo.Length > 0 ? request.VersionInfo : null };
            _types[type] = state;
        }
        else if (state.Nonce is not null && !string.Equals(request.ResponseNonce, state.Nonce, StringComparison.Ordinal))
        {
            // Answers a response that a newer one has replaced: the newer one's ACK or NACK follows.
            return;
        }
        // An ACK or NACK answers the last response, once: a request that answers none (the first of a type, even with an
        // error_detail) or repeats an answer (a subscription change with the same nonce) raises no event.
        if (!isNew && state.Nonce is not null && !string.Equals(state.AnsweredNonce, state.Nonce, StringComparison.Ordinal))
        {
            state.AnsweredNonce = state.Nonce;
            if (request.ErrorDetail is { } error)
            {
                Cache.RaiseNack(new XdsNackEventArgs(Node!, Group!, type, state.SentVersion ?? string.Empty, request.VersionInfo, error.Code, error.Message, delta: false));
            }
            else
            {
                state.AckedVersion = request.VersionInfo;
                Cache.RaiseAck(new XdsAckEventArgs(Node!, Group!, type, request.VersionInfo, delta: false));
            }
        }
        state.Names = Subscription(type, request.ResourceNames);
        await RespondAsync(type, state, pushed: false, cancellationToken).ConfigureAwait(false);
    }

    protected override async ValueTask OnSnapshotAsync(ServedSnapshot snapshot, CancellationToken cancellationToken)
    {
        foreach (var type in ResourceTypes.PushOrder)
        {
            if (_types.TryGetValue(type, out var state)) await RespondAsync(type, state, pushed: true, cancellationToken).ConfigureAwait(false);
        }
    }

    private static HashSet<string>? Subscription(XdsResourceType type, Google.Protobuf.Collections.RepeatedField<string> names)
    {
        if (ResourceTypes.AllowsWildcard(type) && (names.Count == 0 || names.Contains("*"))) return null;
        return new HashSet<string>(names, StringComparer.Ordinal);
    }

    private async ValueTask RespondAsync(XdsResourceType type, SotwTypeState state, bool pushed, CancellationToken cancellationToken)
    {
        if (Current is not { } snapshot) return;
        var body = state.Names is null ? snapshot.Wildcard(type) : snapshot.Named(type, Select(snapshot, type, state.Names));
        if (string.Equals(body.Version, state.SentVersion, StringComparison.Ordinal)) return;
        var nonce = Cache.Nonces.Next();
        var nonceField = new byte[WireBuilder.StringFieldSize(DiscoveryResponseFields.Nonce, nonce)];
        new WireBuilder(nonceField).String(DiscoveryResponseFields.Nonce, nonce);
        state.SentVersion = body.Version;
        state.Nonce = nonce;
        await WriteAsync(new EncodedMessage([body.Bytes, nonceField]), cancellationToken).ConfigureAwait(false);
        Cache.Metrics.Pushed(type, Mode, pushed ? snapshot.SetAt : null);
    }

    private static List<int> Select(ServedSnapshot snapshot, XdsResourceType type, HashSet<string> names)
    {
        var indexes = new List<int>(names.Count);
        foreach (var name in names)
        {
            var index = snapshot.IndexOf(type, name);
            if (index >= 0) indexes.Add(index);
        }
        indexes.Sort();
        return indexes;
    }
}
