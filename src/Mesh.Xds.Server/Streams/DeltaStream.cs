using System.Globalization;
using Grpc.Core;
using Status = Grpc.Core.Status;
using Mesh.Xds.Server.Cache;
using Mesh.Xds.Server.Diagnostics;
using Mesh.Xds.Server.Protocol;

namespace Mesh.Xds.Server.Streams;

/// <summary>
/// An incremental stream (<c>DeltaAggregatedResources</c>). Per type, the server tracks which resources the client
/// subscribed to and which version of each it has, and sends only resources whose version differs plus the names of
/// subscribed resources that went away. A client that reconnects lists its versions in
/// <c>initial_resource_versions</c>; versions are content hashes, so after a move to another replica nothing is resent.
/// </summary>
internal sealed class DeltaStream(XdsSnapshotCache cache, IServerStreamWriter<EncodedMessage> writer, ServerCallContext context)
    : AdsStream<DeltaDiscoveryRequest>(cache, writer, context, "delta")
{
    private readonly Dictionary<XdsResourceType, DeltaTypeState> _types = [];

    protected override async ValueTask HandleAsync(DeltaDiscoveryRequest request, CancellationToken cancellationToken)
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
        CheckNameCount(type, request.InitialResourceVersions.Count, "initial resource versions");
        if (!_types.TryGetValue(type, out var state))
        {
            state = new DeltaTypeState
            {
                // The first request subscribes to everything when it names nothing (LDS and CDS only).
                Wildcard = ResourceTypes.AllowsWildcard(type) && request.ResourceNamesSubscribe.Count == 0,
            };
            foreach (var (name, version) in request.InitialResourceVersions)
            {
                state.ClientVersions[name] = ulong.TryParse(version, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var v) ? v : 0;
            }
            _types[type] = state;
        }
        foreach (var name in request.ResourceNamesSubscribe)
        {
            if (name == "*") state.Wildcard = ResourceTypes.AllowsWildcard(type);
            else state.Names.Add(name);
        }
        foreach (var name in request.ResourceNamesUnsubscribe)
        {
            if (name == "*") state.Wildcard = false;
            else state.Names.Remove(name);
        }
        CheckNameCount(type, state.Names.Count, "subscribed resource names");
        // What the client no longer wants it forgets; a later subscription sends the resource again.
        foreach (var name in state.ClientVersions.Keys.Where(n => !state.IsSubscribed(n)).ToList()) state.ClientVersions.Remove(name);

        // An ACK or NACK answers the last response, once; a repeated answer raises no event.
        if (state.Nonce is not null && string.Equals(request.ResponseNonce, state.Nonce, StringComparison.Ordinal) && !string.Equals(state.AnsweredNonce, state.Nonce, StringComparison.Ordinal))
        {
            state.AnsweredNonce = state.Nonce;
            if (request.ErrorDetail is { } error) Cache.RaiseNack(new XdsNackEventArgs(Node!, Group!, type, state.SentVersion ?? string.Empty, string.Empty, error.Code, error.Message, delta: true));
            else Cache.RaiseAck(new XdsAckEventArgs(Node!, Group!, type, state.SentVersion ?? string.Empty, delta: true));
        }
        await SendChangesAsync(type, state, pushed: false, cancellationToken).ConfigureAwait(false);
    }

    protected override async ValueTask OnSnapshotAsync(ServedSnapshot snapshot, CancellationToken cancellationToken)
    {
        foreach (var type in ResourceTypes.PushOrder)
        {
            if (_types.TryGetValue(type, out var state)) await SendChangesAsync(type, state, pushed: true, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask SendChangesAsync(XdsResourceType type, DeltaTypeState state, bool pushed, CancellationToken cancellationToken)
    {
        if (Current is not { } snapshot) return;
        var set = snapshot.Snapshot[type];
        var changed = new List<int>();
        if (state.Wildcard)
        {
            for (var i = 0; i < set.Count; i++)
            {
                if (!state.ClientVersions.TryGetValue(set[i].Name, out var has) || has != set[i].Version) changed.Add(i);
            }
        }
        else
        {
            foreach (var name in state.Names)
            {
                var i = snapshot.IndexOf(type, name);
                if (i >= 0 && (!state.ClientVersions.TryGetValue(name, out var has) || has != set[i].Version)) changed.Add(i);
            }
            changed.Sort();
        }
        var removed = new List<string>();
        foreach (var name in state.ClientVersions.Keys)
        {
            if (snapshot.IndexOf(type, name) < 0) removed.Add(name);
        }
        if (changed.Count == 0 && removed.Count == 0) return;
        removed.Sort(StringComparer.Ordinal);

        var nonce = Cache.Nonces.Next();
        var typeUrl = XdsTypeUrls.Of(type);
        var systemVersion = set.Version.ToString("x16", CultureInfo.InvariantCulture);
        var headSize = WireBuilder.StringFieldSize(DeltaDiscoveryResponseFields.SystemVersionInfo, systemVersion)
            + WireBuilder.StringFieldSize(DeltaDiscoveryResponseFields.TypeUrl, typeUrl)
            + WireBuilder.StringFieldSize(DeltaDiscoveryResponseFields.Nonce, nonce);
        foreach (var name in removed) headSize += WireBuilder.StringFieldSize(DeltaDiscoveryResponseFields.RemovedResources, name);
        var head = new byte[headSize];
        var w = new WireBuilder(head);
        w.String(DeltaDiscoveryResponseFields.SystemVersionInfo, systemVersion);
        w.String(DeltaDiscoveryResponseFields.TypeUrl, typeUrl);
        w.String(DeltaDiscoveryResponseFields.Nonce, nonce);
        foreach (var name in removed) w.String(DeltaDiscoveryResponseFields.RemovedResources, name);

        var segments = new ReadOnlyMemory<byte>[changed.Count + 1];
        segments[0] = head;
        for (var k = 0; k < changed.Count; k++)
        {
            segments[k + 1] = snapshot.DeltaEntry(type, changed[k]);
            state.ClientVersions[set[changed[k]].Name] = set[changed[k]].Version;
        }
        foreach (var name in removed) state.ClientVersions.Remove(name);
        state.Nonce = nonce;
        state.SentVersion = systemVersion;
        await WriteAsync(new EncodedMessage(segments), cancellationToken).ConfigureAwait(false);
        Cache.Metrics.Pushed(type, Mode, pushed ? snapshot.SetAt : null);
    }
}
