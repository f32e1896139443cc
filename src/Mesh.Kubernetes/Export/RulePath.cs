using System.Globalization;

namespace Mesh.Kubernetes;

/// <summary>
/// The model path of a route rule, <c>$.spec.routes[i].rules[k]</c>, as a value: written straight into the diagnostic path
/// that needs it (it is span-formattable), and never as a string of its own when the rule raises no diagnostic.
/// </summary>
public readonly record struct RulePath(string Route, int Index) : ISpanFormattable
{
    /// <inheritdoc />
    public override string ToString() => $"{Route}.rules[{Index}]";

    /// <inheritdoc />
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <inheritdoc />
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        destination.TryWrite(CultureInfo.InvariantCulture, $"{Route}.rules[{Index}]", out charsWritten);
}
