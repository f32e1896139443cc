using System.Diagnostics;
using System.Diagnostics.Metrics;
using Mesh.Xds.Server.Protocol;

namespace Mesh.Xds.Server.Diagnostics;

/// <summary>The server's instruments (<see cref="XdsServerTelemetry"/> names them).</summary>
internal sealed class ServerMetrics : IDisposable
{
    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly UpDownCounter<long> _streams;
    private readonly Counter<long> _pushes;
    private readonly Counter<long> _nacks;
    private readonly Histogram<double> _pushLatency;
    private readonly Counter<long> _encodings;

    public ServerMetrics(IMeterFactory? factory)
    {
        _ownsMeter = factory is null;
        _meter = factory?.Create(XdsServerTelemetry.MeterName) ?? new Meter(XdsServerTelemetry.MeterName);
        _streams = _meter.CreateUpDownCounter<long>(XdsServerTelemetry.Streams, "{stream}", "Open ADS streams.");
        _pushes = _meter.CreateCounter<long>(XdsServerTelemetry.Pushes, "{response}", "Discovery responses sent.");
        _nacks = _meter.CreateCounter<long>(XdsServerTelemetry.Nacks, "{request}", "Responses rejected by a client.");
        _pushLatency = _meter.CreateHistogram<double>(XdsServerTelemetry.PushLatency, "ms", "From a snapshot being set to a response of it being sent.");
        _encodings = _meter.CreateCounter<long>(XdsServerTelemetry.Encodings, "{piece}", "Wire-format pieces encoded for responses.");
    }

    public void StreamOpened(string mode) => _streams.Add(1, new KeyValuePair<string, object?>("mode", mode));

    public void StreamClosed(string mode) => _streams.Add(-1, new KeyValuePair<string, object?>("mode", mode));

    public void Pushed(XdsResourceType type, string mode, long? setAt)
    {
        _pushes.Add(1, new("type", ResourceTypes.ShortName(type)), new("mode", mode));
        if (setAt is { } start) _pushLatency.Record(Stopwatch.GetElapsedTime(start).TotalMilliseconds, new KeyValuePair<string, object?>("type", ResourceTypes.ShortName(type)));
    }

    public void Nacked(XdsResourceType type) => _nacks.Add(1, new KeyValuePair<string, object?>("type", ResourceTypes.ShortName(type)));

    public void Encoded(XdsResourceType type, string form) => _encodings.Add(1, new("type", ResourceTypes.ShortName(type)), new("form", form));

    public void Dispose()
    {
        if (_ownsMeter) _meter.Dispose();
    }
}
