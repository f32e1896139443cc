using System.Globalization;

namespace Mesh.Providers.GatewayApi.Mapping;

/// <summary>
/// A model duration (<see cref="TimeSpan"/>) ↔ a Gateway API duration (GEP-2257): one to four <c>number unit</c> parts,
/// each number of at most five digits, units <c>h</c>, <c>m</c>, <c>s</c>, <c>ms</c>; no decimals, no sign (<c>1s500ms</c>,
/// not <c>1.5s</c>). Used for route timeouts (<c>timeouts.request</c>) and by meshes built on Gateway API for theirs
/// (Linkerd's retry and timeout annotations).
/// </summary>
public static class DurationMapping
{
    /// <summary>The pattern of the CRDs' duration fields.</summary>
    public const string Pattern = "^([0-9]{1,5}(h|m|s|ms)){1,4}$";

    private static readonly (long Ticks, string Unit)[] Units =
        [(TimeSpan.TicksPerHour, "h"), (TimeSpan.TicksPerMinute, "m"), (TimeSpan.TicksPerSecond, "s"), (TimeSpan.TicksPerMillisecond, "ms")];

    /// <summary>
    /// Model → Gateway API: writes <paramref name="value"/> as hours, minutes, seconds and milliseconds, leaving out zero parts. Returns false
    /// (and the nearest writable value) when the value has a sub-millisecond part, is negative, or needs more than five
    /// digits of hours.
    /// </summary>
    public static bool TryFormat(TimeSpan value, out string text)
    {
        var exact = value.Ticks >= 0 && value.Ticks % TimeSpan.TicksPerMillisecond == 0;
        var ticks = Math.Max(0, value.Ticks) / TimeSpan.TicksPerMillisecond * TimeSpan.TicksPerMillisecond;
        if (ticks / TimeSpan.TicksPerHour > 99999)
        {
            text = "99999h";
            return false;
        }
        if (ticks == 0)
        {
            text = "0s";
            return exact;
        }
        // At most "99999h59m59s999ms": formatted in place, one string.
        Span<char> buffer = stackalloc char[32];
        var length = 0;
        foreach (var (per, unit) in Units)
        {
            var amount = ticks / per;
            ticks -= amount * per;
            if (amount <= 0) continue;
            amount.TryFormat(buffer[length..], out var written, default, CultureInfo.InvariantCulture);
            length += written;
            unit.CopyTo(buffer[length..]);
            length += unit.Length;
        }
        text = new string(buffer[..length]);
        return exact;
    }

    /// <summary>Gateway API → model: reads a GEP-2257 duration; anything the pattern rejects (decimals, signs, other units, more than four parts) is false.</summary>
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        if (string.IsNullOrEmpty(text)) return false;
        var i = 0;
        var parts = 0;
        long total = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
            var digits = i - start;
            if (digits is 0 or > 5) return false;
            var amount = long.Parse(text.AsSpan(start, digits), NumberStyles.None, CultureInfo.InvariantCulture);
            long per;
            if (i + 1 < text.Length && text[i] == 'm' && text[i + 1] == 's') { per = TimeSpan.TicksPerMillisecond; i += 2; }
            else if (i < text.Length && text[i] == 'h') { per = TimeSpan.TicksPerHour; i++; }
            else if (i < text.Length && text[i] == 'm') { per = TimeSpan.TicksPerMinute; i++; }
            else if (i < text.Length && text[i] == 's') { per = TimeSpan.TicksPerSecond; i++; }
            else return false;
            if (++parts > 4) return false;
            total += amount * per;
        }
        value = TimeSpan.FromTicks(total);
        return true;
    }
}
