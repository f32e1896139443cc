using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mesh.Kubernetes;

/// <summary>The JSON settings of typed CRD classes: wire names from the attributes, nulls left out, no type coercion.</summary>
public static class KubeJson
{
    /// <summary>The options: wire names from <c>[JsonPropertyName]</c>, nulls not written, strict numbers, unknown members skipped (the caller diffs them).</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.General)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.Strict,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        PropertyNameCaseInsensitive = false,
    };
}
