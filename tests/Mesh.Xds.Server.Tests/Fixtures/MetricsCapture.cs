using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Mesh.Xds.Server.Tests.Fixtures;

/// <summary>Records the measurements of one host's <c>Mesh.Xds.Server</c> meter (tests run in parallel, each with its own meter).</summary>
internal sealed class MetricsCapture : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, string?> Tags)> _measurements = new();

    public MetricsCapture(XdsServerHost host)
    {
        var factory = host.Services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == XdsServerTelemetry.MeterName && ReferenceEquals(instrument.Meter.Scope, factory)) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.Start();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var map = new Dictionary<string, string?>();
        foreach (var tag in tags) map[tag.Key] = tag.Value?.ToString();
        _measurements.Enqueue((instrument.Name, value, map));
    }

    /// <summary>The sum of an instrument's measurements whose tags include every given pair.</summary>
    public double Sum(string instrument, params (string Key, string Value)[] tags) =>
        _measurements.Where(m => m.Instrument == instrument && tags.All(t => m.Tags.TryGetValue(t.Key, out var v) && v == t.Value)).Sum(m => m.Value);

    public IReadOnlyList<double> Values(string instrument) => [.. _measurements.Where(m => m.Instrument == instrument).Select(m => m.Value)];

    public void Dispose() => _listener.Dispose();
}
