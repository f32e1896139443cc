using System.Globalization;

namespace Mesh.Analysis;

/// <summary>
/// An exact fraction of traffic, kept in lowest terms so that equal shares are equal values (<c>80/100</c>, <c>4/5</c>
/// and <c>8/10</c> are one share). Written as a percentage: <c>80%</c>, <c>33.33%</c>.
/// </summary>
/// <remarks>The default value is <see cref="Zero"/>.</remarks>
public readonly record struct Share
{
    private readonly long _numerator;

    // Stored less one so that default(Share) is 0/1, equal to every other zero share.
    private readonly long _denominatorLessOne;

    /// <summary>Creates the share <paramref name="numerator"/>/<paramref name="denominator"/>, reduced to lowest terms.</summary>
    /// <param name="numerator">The part, zero or more.</param>
    /// <param name="denominator">The whole, more than zero.</param>
    /// <exception cref="ArgumentOutOfRangeException">The numerator is negative or the denominator is not positive.</exception>
    public Share(long numerator, long denominator)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(numerator);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(denominator);
        var divisor = Gcd(numerator, denominator);
        _numerator = numerator / divisor;
        _denominatorLessOne = (denominator / divisor) - 1;
    }

    /// <summary>No traffic.</summary>
    public static Share Zero => default;

    /// <summary>All of the traffic.</summary>
    public static Share All => new(1, 1);

    /// <summary>The numerator in lowest terms.</summary>
    public long Numerator => _numerator;

    /// <summary>The denominator in lowest terms (1 for <see cref="Zero"/> and <see cref="All"/>).</summary>
    public long Denominator => _denominatorLessOne + 1;

    /// <summary>Whether the share is zero.</summary>
    public bool IsZero => _numerator == 0;

    /// <summary>The share of a percentage, exactly (<c>12.5</c> is <c>1/8</c>).</summary>
    /// <param name="percentage">The percentage, 0–100; digits beyond the 16th decimal are rounded.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percentage"/> is below 0 or above 100.</exception>
    public static Share FromPercentage(decimal percentage)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(percentage);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentage, 100m);
        var scale = Math.Min((int)percentage.Scale, 16);
        var rounded = Math.Round(percentage, scale, MidpointRounding.AwayFromZero);
        long power = 1;
        for (var i = 0; i < scale; i++) power *= 10;
        return new Share(decimal.ToInt64(rounded * power), 100 * power);
    }

    /// <summary>The share as a percentage (0–100 for shares of a whole), to 20 decimal digits.</summary>
    public decimal ToPercentage() => (decimal)_numerator * 100m / Denominator;

    /// <summary>
    /// The share as a percentage rounded to two decimals (<c>80%</c>, <c>33.33%</c>); a share that would print as
    /// <c>0%</c> or <c>100%</c> without being so gets more decimals (<c>0.001%</c>).
    /// </summary>
    public override string ToString()
    {
        var exact = ToPercentage();
        var text = Format(exact, 2);
        for (var decimals = 3; decimals <= 12 && IsMisleading(text, _numerator, Denominator); decimals++) text = Format(exact, decimals);
        return text + "%";
    }

    private static bool IsMisleading(string shown, long numerator, long denominator) =>
        (shown == "0" && numerator != 0) || (shown == "100" && numerator != denominator);

    private static string Format(decimal value, int decimals) =>
        Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("0.############", CultureInfo.InvariantCulture);

    private static long Gcd(long a, long b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return a == 0 ? 1 : a;
    }
}
