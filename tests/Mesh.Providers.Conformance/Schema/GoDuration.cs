using System.Globalization;
using System.Text.RegularExpressions;

namespace Mesh.Providers.Conformance.Schema;

/// <summary>The duration strings CEL's <c>duration()</c> accepts (Go syntax: <c>1h30m</c>, <c>1.5s</c>, <c>100ms</c>, <c>250us</c>).</summary>
public static partial class GoDuration
{
    [GeneratedRegex(@"^[-+]?(([0-9]+(\.[0-9]*)?|\.[0-9]+)(h|m|s|ms|us|µs|ns))+$")]
    private static partial Regex Syntax();

    [GeneratedRegex(@"([0-9]+(?:\.[0-9]*)?|\.[0-9]+)(h|ms|m|s|us|µs|ns)")]
    private static partial Regex Part();

    /// <summary>Parses <paramref name="text"/>; false when it is not a Go duration.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The duration.</param>
    public static bool TryParse(string text, out TimeSpan value)
    {
        value = default;
        if (text == "0") return true;
        if (string.IsNullOrEmpty(text) || !Syntax().IsMatch(text)) return false;
        decimal nanos = 0;
        foreach (Match m in Part().Matches(text))
        {
            var amount = decimal.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            nanos += amount * m.Groups[2].Value switch
            {
                "h" => 3_600_000_000_000m,
                "m" => 60_000_000_000m,
                "s" => 1_000_000_000m,
                "ms" => 1_000_000m,
                "us" or "µs" => 1_000m,
                _ => 1m,
            };
        }
        if (text[0] == '-') nanos = -nanos;
        value = TimeSpan.FromTicks((long)(nanos / 100m));
        return true;
    }
}
