using System.Text;

namespace Mesh.Providers.Consul.Mapping;

/// <summary>RE2 (Envoy's safe_regex) literal escaping.</summary>
internal static class Re2
{
    private const string Special = @"\.+*?()|[]{}^$";

    public static string Escape(string literal)
    {
        var builder = new StringBuilder(literal.Length + 4);
        foreach (var c in literal)
        {
            if (Special.Contains(c, StringComparison.Ordinal)) builder.Append('\\');
            builder.Append(c);
        }
        return builder.ToString();
    }
}
