using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using k8s.Models;

namespace Mesh.Kubernetes;

/// <summary>
/// The JSON settings of typed CRD classes: wire names from the attributes, nulls left out, no type coercion. Type metadata
/// comes from source-generated contexts (the kit's own, and each provider's for its resources), never from runtime
/// reflection, so a trimmed or native AOT application reads and writes every field.
/// </summary>
public static class KubeJson
{
    /// <summary>The options for the kit's own types (<see cref="V1ObjectMeta"/>, <see cref="CoreService"/>): wire names from <c>[JsonPropertyName]</c>, nulls not written, strict numbers, unknown members skipped (the caller diffs them).</summary>
    public static JsonSerializerOptions Options { get; } = For(KubeJsonContext.Default);

    /// <summary>The source-generated metadata of <see cref="V1ObjectMeta"/> under <see cref="Options"/>.</summary>
    public static JsonTypeInfo<V1ObjectMeta> ObjectMeta { get; } = (JsonTypeInfo<V1ObjectMeta>)Options.GetTypeInfo(typeof(V1ObjectMeta));

    /// <summary>
    /// Options with the settings of <see cref="Options"/> whose types come from <paramref name="resolver"/> (a provider's
    /// source-generated <see cref="JsonSerializerContext"/>), then from the kit's own context.
    /// </summary>
    /// <param name="resolver">The provider's type metadata.</param>
    /// <returns>New, read-only options.</returns>
    public static JsonSerializerOptions For(IJsonTypeInfoResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.Strict,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
            PropertyNameCaseInsensitive = false,
            TypeInfoResolver = ReferenceEquals(resolver, KubeJsonContext.Default) ? resolver : JsonTypeInfoResolver.Combine(resolver, KubeJsonContext.Default),
        };
        options.MakeReadOnly();
        return options;
    }
}
