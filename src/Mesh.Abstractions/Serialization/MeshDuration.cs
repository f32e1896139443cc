using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Mesh.Serialization;

/// <summary>
/// The text form of durations in mesh YAML and JSON: a number followed by a unit
/// (<c>h</c>, <c>m</c>, <c>s</c>, <c>ms</c>), such as <c>500ms</c>, <c>2s</c> or <c>1m</c>.
/// </summary>
public static class MeshDuration
{
    private const long TicksPerMillisecond = TimeSpan.TicksPerMillisecond;
    private static readonly (string Unit, long Ticks)[] FormatUnits =
    [
        ("h", TimeSpan.TicksPerHour),
        ("m", TimeSpan.TicksPerMinute),
        ("s", TimeSpan.TicksPerSecond),
        ("ms", TicksPerMillisecond),
    ];

    /// <summary>
    /// Formats a duration with the largest unit that represents it exactly:
    /// one hour is <c>1h</c>, 60 seconds <c>1m</c>, 90 seconds <c>90s</c>, 1.5 seconds <c>1500ms</c>.
    /// </summary>
    /// <param name="value">The duration. Zero is <c>0s</c>; a negative duration gets a leading minus sign and
    /// a sub-millisecond one is written in fractional milliseconds (neither reads back, since <see cref="TryParse"/> rejects them).</param>
    /// <returns>The text form.</returns>
    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero) return "0s";
        var sign = value < TimeSpan.Zero ? "-" : string.Empty;
        // TimeSpan.MinValue has no positive counterpart; its magnitude is still exact as an unsigned tick count.
        var ticks = value.Ticks == long.MinValue ? (ulong)long.MaxValue + 1 : (ulong)Math.Abs(value.Ticks);
        foreach (var (unit, unitTicks) in FormatUnits)
        {
            if (ticks % (ulong)unitTicks == 0)
            {
                return sign + (ticks / (ulong)unitTicks).ToString(CultureInfo.InvariantCulture) + unit;
            }
        }
        var milliseconds = (decimal)ticks / TicksPerMillisecond;
        return sign + milliseconds.ToString(CultureInfo.InvariantCulture) + "ms";
    }

    /// <summary>
    /// Parses a duration: one or more number-unit parts with no spaces (<c>1m30s</c>), numbers may have a
    /// decimal fraction (<c>1.5s</c>). The total must be a whole number of milliseconds and not negative.
    /// </summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="value">The duration when the text is valid; otherwise <see cref="TimeSpan.Zero"/>.</param>
    /// <returns>Whether <paramref name="text"/> is a valid duration.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrEmpty(text) || text.Length > 64) return false;
        var totalMilliseconds = 0m;
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            var dot = false;
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || (text[i] == '.' && !dot)))
            {
                if (text[i] == '.') dot = true;
                i++;
            }
            var number = text.AsSpan(start, i - start);
            if (number.IsEmpty || number[0] == '.' || number[^1] == '.') return false;
            if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)) return false;

            var unitStart = i;
            while (i < text.Length && char.IsAsciiLetterLower(text[i])) i++;
            decimal scale;
            switch (text.AsSpan(unitStart, i - unitStart))
            {
                case "h": scale = 3_600_000m; break;
                case "m": scale = 60_000m; break;
                case "s": scale = 1_000m; break;
                case "ms": scale = 1m; break;
                default: return false;
            }
            try
            {
                totalMilliseconds += amount * scale;
            }
            catch (OverflowException)
            {
                return false;
            }
        }
        if (totalMilliseconds != decimal.Truncate(totalMilliseconds)) return false;
        if (totalMilliseconds > (decimal)TimeSpan.MaxValue.TotalMilliseconds - 1) return false;
        value = TimeSpan.FromMilliseconds((long)totalMilliseconds);
        return true;
    }
}
