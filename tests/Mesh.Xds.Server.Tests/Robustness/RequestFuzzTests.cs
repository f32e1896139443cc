using System.Globalization;
using System.Text;
using CsCheck;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Mesh.Xds.Server.Protocol;
using Mesh.Xds.Server.Tests.Fixtures;
using Microsoft.Extensions.Logging;

namespace Mesh.Xds.Server.Tests.Robustness;

/// <summary>
/// Sequences of generated requests on state-of-the-world and delta streams: unknown, empty and 10,000-character type URLs;
/// empty, current, old, garbage and future nonces and versions; ACKs and NACKs with error details up to 20,000
/// characters; resource name lists of every size up to 100,001 names and names of 60,000 characters; subscribing and
/// unsubscribing the same names; wildcard toggles; junk <c>initial_resource_versions</c>; requests without a node, with
/// another node or with node metadata nested past protobuf's depth limit; snapshot changes in between. A small model
/// predicts when the stream must end and with which status (no node on the first request, no type URL, metadata too
/// deep: <c>INVALID_ARGUMENT</c>; more names than <see cref="XdsServerOptions.MaxResourceNamesPerType"/>:
/// <c>RESOURCE_EXHAUSTED</c>); otherwise it must go on. After each sequence the same stream (for a type the sequence
/// left alone) and a new stream must get exactly the current snapshot, and nothing is logged as an error. Cases come from
/// CsCheck generators with a fixed seed, so every run replays the same ones; a failure prints the case and its steps.
/// <c>MESH_SOAK</c> multiplies the case counts.
/// </summary>
public sealed class RequestFuzzTests
{
    private static readonly long Scale = long.TryParse(Environment.GetEnvironmentVariable("MESH_SOAK"), out var f) && f > 0 ? f : 1;
    private const int Limit = 100_000;

    private static readonly string[] TypeUrls = [XdsTypeUrls.Listener, XdsTypeUrls.RouteConfiguration, XdsTypeUrls.Cluster, XdsTypeUrls.ClusterLoadAssignment];

    private static readonly XdsSnapshot[] Variants =
    [
        GreeterMesh.Snapshot(),
        GreeterMesh.Snapshot(GreeterMesh.Model(50, 50, TimeSpan.FromSeconds(3), withHello: false), GreeterMesh.Endpoints(v1Port: 7201)),
        GreeterMesh.Snapshot(GreeterMesh.Model(10, 90), GreeterMesh.Endpoints(v2Port: 7302)),
    ];

    /// <summary>A case: the type the sequence leaves alone (checked on the same stream afterwards) and its steps, each ten percentiles that pick what the step does.</summary>
    private static readonly Gen<(int Reserved, int[][] Steps)> Cases = Gen.Select(Gen.Int[0, 3], Gen.Int[0, 99].Array[10].Array[1, 12]);

    private static IEnumerable<(int Reserved, int[][] Steps)> Generate(ulong seed, long count)
    {
        var pcg = new PCG(1, seed);
        for (var i = 0; i < count; i++) yield return Cases.Generate(pcg, null, out _);
    }

    private static string Hex(ulong version) => version.ToString("x16", CultureInfo.InvariantCulture);

    private static XdsResourceSet Set(XdsSnapshot snapshot, string typeUrl) => snapshot[(XdsResourceType)Array.IndexOf(TypeUrls, typeUrl)];

    private static bool Wildcard(string typeUrl) => typeUrl is XdsTypeUrls.Listener or XdsTypeUrls.Cluster;

    private static async Task<XdsServerHost> StartAsync(LogCapture logs)
    {
        var host = await XdsServerHost.StartAsync(o => o.NodeGroup = _ => "fuzz", logs: logs);
        host.Cache.SetSnapshot("fuzz", Variants[0]);
        return host;
    }

    /// <summary>
    /// Each response is answered at most once: a stream's ACK and NACK events are no more than the responses whose nonce
    /// the client sent back.
    /// </summary>
    private static void AnsweredAtMostOnce(EventLog events, string id, HashSet<string> sent, List<string> received)
    {
        var answers = events.Events.Count(e => e is XdsAckEventArgs a && a.Node.Id == id || e is XdsNackEventArgs n && n.Node.Id == id);
        var answerable = received.Count(sent.Contains);
        Assert.True(answers <= answerable, $"{answers} ACK and NACK events for {answerable} responses whose nonce came back");
    }

    /// <summary>Node, as a step's percentile picks it: mostly the stream's own; sometimes none, another, odd metadata or metadata nested 60 deep.</summary>
    private static (Node? Node, bool TooDeep) NodeOf(int p, string id)
    {
        if (p < 86) return (Ads.Node(id), false);
        if (p < 90) return (null, false);
        if (p < 94) return (Ads.Node("someone-else"), false);
        if (p < 98)
        {
            var node = Ads.Node(id);
            node.Locality = new Locality { Zone = "z-without-region", SubZone = new string('s', 3000) };
            node.Metadata = new Struct();
            node.Metadata.Fields["GATEWAY"] = Value.ForString("/");
            node.Metadata.Fields["NAMESPACE"] = Value.ForString("");
            node.Metadata.Fields["label."] = Value.ForNumber(double.NaN);
            node.Metadata.Fields["LABEL.a"] = Value.ForString("x");
            node.Metadata.Fields["label.A"] = Value.ForList(Value.ForNull());
            return (node, false);
        }
        var deep = Ads.Node(id);
        var inner = new Struct();
        deep.Metadata = inner;
        for (var i = 0; i < 60; i++)
        {
            var next = new Struct();
            inner.Fields["d"] = Value.ForStruct(next);
            inner = next;
        }
        return (deep, true);
    }

    private static string TypeUrlOf(int p, int pick, int reserved)
    {
        if (p < 72) return TypeUrls.Where((_, i) => i != reserved).ElementAt(pick % 3);
        if (p < 74) return "";
        if (p < 88) return $"type.googleapis.com/fuzz.Unknown{pick}";
        if (p < 95) return Encoding.UTF8.GetString(Enumerable.Range(0, pick).Select(i => (byte)(' ' + (i * 7 + pick) % 95)).ToArray());
        return "type.googleapis.com/" + new string('x', 10_000);
    }

    private static List<string> NamesOf(int p, int pick, string typeUrl, XdsSnapshot snapshot, string tag)
    {
        var existing = TypeUrls.Contains(typeUrl) ? Set(snapshot, typeUrl).Select(r => r.Name).ToList() : [];
        if (p < 35) return [];
        if (p < 45) return ["*"];
        if (p < 70) return [.. existing.Where((_, i) => (pick >> (i % 7) & 1) == 1)];
        if (p < 85) return [.. Enumerable.Range(0, 1 + pick % 5).Select(i => $"junk-{tag}-{i}")];
        if (p < 93) return [.. existing, .. existing, "*", ""];
        if (p < 97) return [.. Enumerable.Range(0, Limit).Select(i => $"{tag}{i}")];
        if (p < 99) return [.. Enumerable.Range(0, 3).Select(i => new string((char)('a' + i), 60_000))];
        return [.. Enumerable.Range(0, Limit + 1).Select(i => $"{tag}{i}")];
    }

    private static Protocol.Status? ErrorOf(int p) => p switch
    {
        < 80 => null,
        < 95 => new Protocol.Status { Code = 3, Message = "rejected by the fuzzer" },
        _ => new Protocol.Status { Code = 13, Message = new string('e', 20_000) },
    };

    /// <summary>What the stream has seen: the last response's version and nonce per type, and every nonce.</summary>
    private sealed class Seen
    {
        public Dictionary<string, (string Version, string Nonce)> Last { get; } = [];

        public List<string> Nonces { get; } = [];

        public void Add(string typeUrl, string version, string nonce)
        {
            Last[typeUrl] = (version, nonce);
            Nonces.Add(nonce);
        }

        public string Nonce(int p, int pick, string typeUrl)
        {
            var last = Last.TryGetValue(typeUrl, out var l) ? l.Nonce : "";
            return p switch
            {
                < 30 => "",
                < 65 => last,
                < 75 => Nonces.Count == 0 ? "" : Nonces[pick % Nonces.Count],
                < 85 => "garbage-" + pick,
                _ => Nonces.Count == 0 ? "0-ffffff" : Nonces[^1][..Nonces[^1].IndexOf('-', StringComparison.Ordinal)] + "-ffffff",
            };
        }

        public string Version(int p, int pick, string typeUrl) => p switch
        {
            < 40 => "",
            < 70 => Last.TryGetValue(typeUrl, out var l) ? l.Version : "",
            < 85 => "not-a-version-" + pick,
            _ => Last.Count == 0 ? "" : Last.Values.ElementAt(pick % Last.Count).Version,
        };
    }

    private static async Task ExpectEndAsync<TRequest, TResponse>(AdsStreamClient<TRequest, TResponse> stream, StatusCode expected, List<string> steps) where TResponse : class
    {
        var status = await stream.EndAsync();
        Assert.True(status == expected, $"the stream ended with {status}, not {expected}");
        steps.Add($"  ended with {status}, as expected");
    }

    /// <summary>A new stream of the same group gets the current clusters.</summary>
    private static async Task ProbeAsync(XdsServerHost host, XdsSnapshot current, bool delta)
    {
        if (delta)
        {
            await using var probe = Ads.Delta(host.Channel());
            await probe.SendAsync(Ads.DeltaRequest(XdsTypeUrls.Cluster, "probe"));
            var response = await probe.NextAsync();
            Assert.Equal(current.Clusters.ToDictionary(r => r.Name, r => r.VersionText), Ads.Versions(response));
        }
        else
        {
            await using var probe = Ads.Sotw(host.Channel());
            await probe.SendAsync(Ads.Request(XdsTypeUrls.Cluster, "probe"));
            Assert.Equal(Hex(current.Clusters.Version), (await probe.NextAsync()).VersionInfo);
        }
    }

    /// <summary>The generators reach every outcome: sequences that end each way and sequences served to the end.</summary>
    private static void Covers(Dictionary<string, int> outcomes, params string[] expected)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(", ", outcomes.Select(o => $"{o.Key}: {o.Value}")));
        foreach (var outcome in expected) Assert.True(outcomes.GetValueOrDefault(outcome) > 0, $"no case ended '{outcome}': {string.Join(", ", outcomes)}");
    }

    private static async Task AfterAllAsync(XdsServerHost host, LogCapture logs)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (host.Cache.StreamCount != 0) await Task.Delay(20, timeout.Token);
        Assert.True(logs.Entries.All(e => e.Level < LogLevel.Error), string.Join("\n", logs.Entries.Where(e => e.Level >= LogLevel.Error)));
        Assert.DoesNotContain(logs.Of(2), e => e.Message.Contains("Internal", StringComparison.Ordinal));
    }

    private static async Task<string> RunCaseAsync(int index, (int Reserved, int[][] Steps) @case, Func<List<string>, Task<string>> run)
    {
        var steps = new List<string> { $"case {index}: reserved type {TypeUrls[@case.Reserved]}, steps [{string.Join("; ", @case.Steps.Select(s => string.Join(",", s)))}]" };
        try
        {
            return await run(steps);
        }
        catch (Exception e)
        {
            throw new Xunit.Sdk.XunitException(string.Join("\n", steps) + "\n" + e);
        }
    }

    [Fact]
    public async Task SotwRequestSequences_EndOnlyAsPredicted_AndTheServerKeepsServing()
    {
        var logs = new LogCapture();
        await using var host = await StartAsync(logs);
        var events = new EventLog(host.Cache);
        var index = 0;
        var outcomes = new Dictionary<string, int>();
        foreach (var @case in Generate(0x5eed_0001, 200 * Scale))
        {
            var outcome = await RunCaseAsync(index, @case, steps => SotwCaseAsync(host, events, index, @case, steps));
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            index++;
        }
        Covers(outcomes, "served", nameof(StatusCode.InvalidArgument), nameof(StatusCode.ResourceExhausted));
        await AfterAllAsync(host, logs);
    }

    private static async Task<string> SotwCaseAsync(XdsServerHost host, EventLog events, int index, (int Reserved, int[][] Steps) @case, List<string> steps)
    {
        var id = $"sotw-{index}";
        var current = Variants[0];
        host.Cache.SetSnapshot("fuzz", current);
        var seen = new Seen();
        var identified = false;
        var sent = new HashSet<string>(StringComparer.Ordinal);
        await using (var stream = Ads.Sotw(host.Channel()))
        {
            void Drain()
            {
                while (stream.TryNext(out var r))
                {
                    seen.Add(r.TypeUrl, r.VersionInfo, r.Nonce);
                }
            }

            foreach (var p in @case.Steps)
            {
                if (p[0] < 12)
                {
                    current = Variants[p[1] % Variants.Length];
                    host.Cache.SetSnapshot("fuzz", current);
                    steps.Add($"  snapshot {p[1] % Variants.Length}");
                    continue;
                }
                var (node, tooDeep) = NodeOf(p[1], id);
                var typeUrl = TypeUrlOf(p[2], p[9], @case.Reserved);
                var request = new DiscoveryRequest { Node = node, TypeUrl = typeUrl, VersionInfo = seen.Version(p[3], p[9], typeUrl), ResponseNonce = seen.Nonce(p[4], p[9], typeUrl), ErrorDetail = ErrorOf(p[8]) };
                request.ResourceNames.Add(NamesOf(p[5], p[9], typeUrl, current, $"s{index}-"));
                steps.Add($"  request node={(node is null ? "none" : node.Id)}{(tooDeep ? " (too deep)" : "")} type={Describe(typeUrl)} version={Describe(request.VersionInfo)} nonce={Describe(request.ResponseNonce)} names={request.ResourceNames.Count} error={request.ErrorDetail is not null}");
                await stream.SendAsync(request);
                sent.Add(request.ResponseNonce);

                // The model: what must end the stream, checked in the server's order.
                StatusCode? end = null;
                if (tooDeep || (!identified && node is null) || typeUrl.Length == 0) end = StatusCode.InvalidArgument;
                else if (TypeUrls.Contains(typeUrl) && request.ResourceNames.Count > Limit) end = StatusCode.ResourceExhausted;
                identified = true;
                if (end is { } code)
                {
                    await ExpectEndAsync(stream, code, steps);
                    await ProbeAsync(host, current, delta: false);
                    return code.ToString();
                }
                Drain();
            }

            // The same stream still answers, for the type the sequence left alone, with exactly the current resources.
            var reserved = TypeUrls[@case.Reserved];
            var set = Set(current, reserved);
            await stream.SendAsync(Ads.Request(reserved, id, names: Wildcard(reserved) ? [] : [.. set.Select(r => r.Name)]));
            DiscoveryResponse response;
            do
            {
                response = await stream.NextAsync();
                seen.Nonces.Add(response.Nonce);
            }
            while (response.TypeUrl != reserved);
            AnsweredAtMostOnce(events, id, sent, seen.Nonces);
            Assert.Equal(set.Select(r => r.Payload.ToArray()), response.Resources.Select(r => r.Value.ToByteArray()));
            if (Wildcard(reserved)) Assert.Equal(Hex(set.Version), response.VersionInfo);
        }
        await ProbeAsync(host, current, delta: index % 2 == 1);
        return "served";
    }

    [Fact]
    public async Task DeltaRequestSequences_EndOnlyAsPredicted_AndTheServerKeepsServing()
    {
        var logs = new LogCapture();
        await using var host = await StartAsync(logs);
        var events = new EventLog(host.Cache);
        var index = 0;
        var outcomes = new Dictionary<string, int>();
        foreach (var @case in Generate(0x5eed_0002, 200 * Scale))
        {
            var outcome = await RunCaseAsync(index, @case, steps => DeltaCaseAsync(host, events, index, @case, steps));
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            index++;
        }
        Covers(outcomes, "served", nameof(StatusCode.InvalidArgument), nameof(StatusCode.ResourceExhausted));
        await AfterAllAsync(host, logs);
    }

    private static async Task<string> DeltaCaseAsync(XdsServerHost host, EventLog events, int index, (int Reserved, int[][] Steps) @case, List<string> steps)
    {
        var id = $"delta-{index}";
        var current = Variants[0];
        host.Cache.SetSnapshot("fuzz", current);
        var seen = new Seen();
        var identified = false;
        var sent = new HashSet<string>(StringComparer.Ordinal);
        var subscribed = new Dictionary<string, HashSet<string>>();
        await using (var stream = Ads.Delta(host.Channel()))
        {
            void Drain()
            {
                while (stream.TryNext(out var r))
                {
                    seen.Add(r.TypeUrl, r.SystemVersionInfo, r.Nonce);
                }
            }

            foreach (var p in @case.Steps)
            {
                if (p[0] < 12)
                {
                    current = Variants[p[1] % Variants.Length];
                    host.Cache.SetSnapshot("fuzz", current);
                    steps.Add($"  snapshot {p[1] % Variants.Length}");
                    continue;
                }
                var (node, tooDeep) = NodeOf(p[1], id);
                var typeUrl = TypeUrlOf(p[2], p[9], @case.Reserved);
                var subscribe = NamesOf(p[5], p[9], typeUrl, current, $"d{index}-{steps.Count}-");
                var existing = TypeUrls.Contains(typeUrl) ? Set(current, typeUrl).Select(r => r.Name).ToList() : [];
                List<string> unsubscribe = p[6] switch
                {
                    < 60 => [],
                    < 70 => ["*"],
                    < 85 => subscribe,
                    _ => [.. existing.Where((_, i) => i % 2 == p[9] % 2)],
                };
                var initial = p[7] switch
                {
                    < 70 => new Dictionary<string, string>(),
                    < 80 => Enumerable.Range(0, 5).ToDictionary(i => $"junk-{i}", i => i % 2 == 0 ? "zz" : ""),
                    < 90 => existing.ToDictionary(n => n, _ => "0000000000000bad"),
                    < 98 => TypeUrls.Contains(typeUrl) ? Set(current, typeUrl).ToDictionary(r => r.Name, r => r.VersionText) : [],
                    _ => Enumerable.Range(0, Limit + 1).ToDictionary(i => $"i{i}", _ => "1"),
                };
                var request = new DeltaDiscoveryRequest { Node = node, TypeUrl = typeUrl, ResponseNonce = seen.Nonce(p[4], p[9], typeUrl), ErrorDetail = ErrorOf(p[8]) };
                request.ResourceNamesSubscribe.Add(subscribe);
                request.ResourceNamesUnsubscribe.Add(unsubscribe);
                request.InitialResourceVersions.Add(initial);
                steps.Add($"  request node={(node is null ? "none" : node.Id)}{(tooDeep ? " (too deep)" : "")} type={Describe(typeUrl)} nonce={Describe(request.ResponseNonce)} subscribe={subscribe.Count} unsubscribe={unsubscribe.Count} initial={initial.Count} error={request.ErrorDetail is not null}");
                await stream.SendAsync(request);
                sent.Add(request.ResponseNonce);

                StatusCode? end = null;
                if (tooDeep || (!identified && node is null) || typeUrl.Length == 0) end = StatusCode.InvalidArgument;
                else if (TypeUrls.Contains(typeUrl))
                {
                    if (initial.Count > Limit) end = StatusCode.ResourceExhausted;
                    else
                    {
                        if (!subscribed.TryGetValue(typeUrl, out var names)) subscribed[typeUrl] = names = new HashSet<string>(StringComparer.Ordinal);
                        names.UnionWith(subscribe.Where(n => n != "*"));
                        names.ExceptWith(unsubscribe);
                        if (names.Count > Limit) end = StatusCode.ResourceExhausted;
                    }
                }
                identified = true;
                if (end is { } code)
                {
                    await ExpectEndAsync(stream, code, steps);
                    await ProbeAsync(host, current, delta: true);
                    return code.ToString();
                }
                Drain();
            }

            // The same stream still answers: subscribing to the type the sequence left alone sends all of it, as it is now.
            var reserved = TypeUrls[@case.Reserved];
            var set = Set(current, reserved);
            await stream.SendAsync(Ads.DeltaRequest(reserved, id, subscribe: Wildcard(reserved) ? null : [.. set.Select(r => r.Name)]));
            DeltaDiscoveryResponse response;
            do
            {
                response = await stream.NextAsync();
                seen.Nonces.Add(response.Nonce);
            }
            while (response.TypeUrl != reserved);
            AnsweredAtMostOnce(events, id, sent, seen.Nonces);
            Assert.Equal(set.ToDictionary(r => r.Name, r => r.VersionText), Ads.Versions(response));
            Assert.Empty(response.RemovedResources);
        }
        await ProbeAsync(host, current, delta: index % 2 == 0);
        return "served";
    }

    private static string Describe(string text) => text.Length <= 80 ? $"'{text}'" : $"'{text[..40]}…' ({text.Length} characters)";

    /// <summary>
    /// Bytes that are not (or not quite) a request — random bytes, and valid requests with a byte changed, cut short,
    /// or with random bytes inserted or appended — sent as one gRPC message on a new stream, which the client then
    /// closes. The test parses the same bytes with the same declarations to predict the answer: bytes that do not
    /// parse, or parse without a node id or a type URL, end the stream with <c>INVALID_ARGUMENT</c>; anything else is
    /// a request the server handles, and the stream ends with <c>OK</c>. Never another status, never an error logged,
    /// and a well-behaved stream is served afterwards.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GarbageMessages_EndTheirStreamAsPredicted_AndTheServerKeepsServing(bool delta)
    {
        var logs = new LogCapture();
        await using var host = await StartAsync(logs);
        var valid = delta
            ? Ads.DeltaRequest(XdsTypeUrls.ClusterLoadAssignment, "garbage", subscribe: [Variants[0].LoadAssignments[0].Name], initial: new Dictionary<string, string> { ["a"] = "1" }).ToByteArray()
            : Ads.Request(XdsTypeUrls.ClusterLoadAssignment, "garbage", names: Variants[0].LoadAssignments[0].Name).ToByteArray();
        var messages = Gen.Frequency(
            (1, Gen.Byte.Array[0, 300]),
            (3, Gen.Select(Gen.Int[0, valid.Length - 1], Gen.Byte, (i, b) => { var m = (byte[])valid.Clone(); m[i] = b; return m; })),
            (1, Gen.Int[0, valid.Length - 1].Select(n => valid[..n])),
            (1, Gen.Select(Gen.Int[0, valid.Length], Gen.Byte.Array[1, 20], (i, b) => (byte[])[.. valid[..i], .. b, .. valid[i..]])));
        var pcg = new PCG(1, delta ? 0x5eed_0004UL : 0x5eed_0003UL);
        var outcomes = new Dictionary<string, int>();
        for (var i = 0; i < 300 * Scale; i++)
        {
            var bytes = messages.Generate(pcg, null, out _);
            StatusCode expected;
            try
            {
                var (nodeId, typeUrl) = delta
                    ? DeltaDiscoveryRequest.Parser.ParseFrom(bytes) is var d ? (d.Node?.Id, d.TypeUrl) : default
                    : DiscoveryRequest.Parser.ParseFrom(bytes) is var s ? (s.Node?.Id, s.TypeUrl) : default;
                expected = string.IsNullOrEmpty(nodeId) || typeUrl.Length == 0 ? StatusCode.InvalidArgument : StatusCode.OK;
            }
            catch (InvalidProtocolBufferException)
            {
                expected = StatusCode.InvalidArgument;
            }
            await using var raw = RawAds.Open(host.Channel(), delta);
            await raw.SendAsync(bytes);
            await raw.CompleteAsync();
            var status = await raw.EndAsync();
            Assert.True(status == expected, $"case {i}: {Convert.ToHexString(bytes)} ended with {status}, not {expected}");
            outcomes[status.ToString()] = outcomes.GetValueOrDefault(status.ToString()) + 1;
        }
        Covers(outcomes, nameof(StatusCode.OK), nameof(StatusCode.InvalidArgument));
        await ProbeAsync(host, Variants[0], delta);
        await AfterAllAsync(host, logs);
    }
}
