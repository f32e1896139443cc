using System.Diagnostics.CodeAnalysis;

namespace Mesh.Model;

/// <summary>
/// The names the model's enums have in YAML and JSON: camelCase member names (<c>roundRobin</c>, <c>http2</c>,
/// <c>strict</c>), except <see cref="RetryCondition"/>, which uses Envoy's <c>retry_on</c> names (<c>5xx</c>,
/// <c>connect-failure</c>, …). Providers use these names in diagnostics and when a native field takes the same words.
/// </summary>
public static class WireNames
{
    /// <summary>The wire name of <paramref name="value"/>.</summary>
    /// <typeparam name="TEnum">A model enum.</typeparam>
    /// <param name="value">The value.</param>
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => Table<TEnum>.NameOf(value);

    /// <summary>Parses a wire name (exact, case-sensitive).</summary>
    /// <typeparam name="TEnum">A model enum.</typeparam>
    /// <param name="name">The wire name.</param>
    /// <param name="value">The value when found.</param>
    /// <returns>Whether <paramref name="name"/> is a wire name of <typeparamref name="TEnum"/>.</returns>
    public static bool TryParse<TEnum>([NotNullWhen(true)] string? name, out TEnum value) where TEnum : struct, Enum
    {
        value = default;
        return name is not null && Table<TEnum>.ByName.TryGetValue(name, out value);
    }

    /// <summary>Every wire name of <typeparamref name="TEnum"/>, in declaration order.</summary>
    /// <typeparam name="TEnum">A model enum.</typeparam>
    public static IReadOnlyList<string> All<TEnum>() where TEnum : struct, Enum => Table<TEnum>.Names;

    private static string DefaultName(Type type, string member)
    {
        if (type == typeof(RetryCondition))
        {
            return member switch
            {
                nameof(RetryCondition.ServerError) => "5xx",
                nameof(RetryCondition.Retriable4xx) => "retriable-4xx",
                _ => Kebab(member),
            };
        }
        return char.ToLowerInvariant(member[0]) + member[1..];
    }

    private static string Kebab(string member)
    {
        var builder = new System.Text.StringBuilder(member.Length + 4);
        for (var i = 0; i < member.Length; i++)
        {
            var c = member[i];
            if (char.IsUpper(c) && i > 0) builder.Append('-');
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    private static class Table<TEnum> where TEnum : struct, Enum
    {
        public static readonly TEnum[] Values = Enum.GetValues<TEnum>();
        public static readonly string[] Names = [.. Values.Select(v => DefaultName(typeof(TEnum), v.ToString()))];
        public static readonly Dictionary<string, TEnum> ByName = Values.Zip(Names).ToDictionary(p => p.Second, p => p.First, StringComparer.Ordinal);

        public static string NameOf(TEnum value)
        {
            var i = Array.IndexOf(Values, value);
            if (i < 0) throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a defined {typeof(TEnum).Name}.");
            return Names[i];
        }
    }
}
