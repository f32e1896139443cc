using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mesh.Providers.Istio.Mapping;

/// <summary>The JSON settings of the typed resources: wire names from the attributes, nulls left out, no type coercion.</summary>
internal static class IstioJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.General)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.Strict,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        PropertyNameCaseInsensitive = false,
    };

    /// <summary>A JSON-path segment for a property: <c>.name</c>, or <c>['x-user']</c> when the name is not an identifier.</summary>
    public static string Segment(string name)
    {
        if (name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')) return "." + name;
        return "['" + name.Replace("'", "\\'", StringComparison.Ordinal) + "']";
    }
}
