using System.Globalization;

namespace Mesh.Kubernetes;

/// <summary>Go durations as Kubernetes annotations and Go-based controllers take them: <c>10s</c>, <c>1.5s</c>, <c>100ms</c>, <c>1h30m</c>.</summary>
public static class GoDuration
{
    /// <summary>Writes the shortest exact form: whole hours, minutes, seconds, milliseconds, microseconds, else nanoseconds.</summary>
    public static string Format(TimeSpan value)
    {
        var ticks = value.Ticks;
        if (ticks == 0) return "0s";
        if (ticks % TimeSpan.TicksPerHour == 0) return Text(ticks / TimeSpan.TicksPerHour, "h");
        if (ticks % TimeSpan.TicksPerMinute == 0) return Text(ticks / TimeSpan.TicksPerMinute, "m");
        if (ticks % TimeSpan.TicksPerSecond == 0) return Text(ticks / TimeSpan.TicksPerSecond, "s");
        if (ticks % TimeSpan.TicksPerMillisecond == 0) return Text(ticks / TimeSpan.TicksPerMillisecond, "ms");
        if (ticks % TimeSpan.TicksPerMicrosecond == 0) return Text(ticks / TimeSpan.TicksPerMicrosecond, "us");
        return Text(ticks * TimeSpan.NanosecondsPerTick, "ns");
    }

    private static string Text(long amount, string unit) => amount.ToString(CultureInfo.InvariantCulture) + unit;

    /// <summary>Reads a Go duration (a sequence of decimal numbers with units <c>h m s ms us µs ns</c>); negative values are rejected.</summary>
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        if (string.IsNullOrEmpty(text)) return false;
        var i = 0;
        if (text[0] == '+') i++;
        if (i == text.Length) return false;
        if (text[i..] == "0") return true;
        decimal totalTicks = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.')) i++;
            var number = text[start..i];
            if (number.Length == 0 || number == "." || number.Count(c => c == '.') > 1) return false;
            if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)) return false;
            var unitStart = i;
            while (i < text.Length && !char.IsAsciiDigit(text[i]) && text[i] != '.') i++;
            decimal? perUnit = text[unitStart..i] switch
            {
                "h" => TimeSpan.TicksPerHour,
                "m" => TimeSpan.TicksPerMinute,
                "s" => TimeSpan.TicksPerSecond,
                "ms" => TimeSpan.TicksPerMillisecond,
                "us" or "µs" or "μs" => TimeSpan.TicksPerMicrosecond,
                "ns" => 1m / TimeSpan.NanosecondsPerTick,
                _ => null,
            };
            if (perUnit is null) return false;
            totalTicks += amount * perUnit.Value;
            if (totalTicks > TimeSpan.MaxValue.Ticks) return false;
        }
        value = TimeSpan.FromTicks((long)decimal.Round(totalTicks));
        return true;
    }
}
