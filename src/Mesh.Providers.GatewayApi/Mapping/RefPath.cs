using System.Globalization;
using Mesh.Kubernetes;

namespace Mesh.Providers.GatewayApi.Mapping;

/// <summary>
/// The model path of a backend or mirror (<c>$.spec.routes[i].rules[k].backends[j]</c>, <c>….mirror</c>,
/// <c>$.spec.tcpRoutes[i].backends[j]</c>), formatted only when a diagnostic is raised.
/// </summary>
internal readonly struct RefPath : ISpanFormattable
{
    private readonly RulePath _rule;
    private readonly string? _route;
    private readonly string _field;
    private readonly int _index;

    private RefPath(RulePath rule, string? route, string field, int index)
    {
        _rule = rule;
        _route = route;
        _field = field;
        _index = index;
    }

    /// <summary>Backend <paramref name="index"/> of a rule.</summary>
    public static RefPath Backend(RulePath rule, int index) => new(rule, null, "backends", index);

    /// <summary>The mirror of a rule.</summary>
    public static RefPath Mirror(RulePath rule) => new(rule, null, "mirror", -1);

    /// <summary>Backend <paramref name="index"/> of the TCP route at <paramref name="route"/>.</summary>
    public static RefPath TcpBackend(string route, int index) => new(default, route, "backends", index);

    /// <inheritdoc />
    public override string ToString() => ToString(null, null);

    /// <inheritdoc />
    public string ToString(string? format, IFormatProvider? formatProvider) =>
        _route is not null
            ? string.Create(CultureInfo.InvariantCulture, $"{_route}.{_field}[{_index}]")
            : _index < 0 ? string.Create(CultureInfo.InvariantCulture, $"{_rule}.{_field}") : string.Create(CultureInfo.InvariantCulture, $"{_rule}.{_field}[{_index}]");

    /// <inheritdoc />
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        _route is not null
            ? destination.TryWrite(CultureInfo.InvariantCulture, $"{_route}.{_field}[{_index}]", out charsWritten)
            : _index < 0
                ? destination.TryWrite(CultureInfo.InvariantCulture, $"{_rule}.{_field}", out charsWritten)
                : destination.TryWrite(CultureInfo.InvariantCulture, $"{_rule}.{_field}[{_index}]", out charsWritten);
}
