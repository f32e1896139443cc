using System.Text.Json;
using System.Text.Json.Serialization;
using k8s.Models;

namespace Mesh.Kubernetes;

/// <summary>
/// Source-generated JSON metadata of the kit's own types, and of the values an <c>object</c> member holds (<see cref="JsonElement"/>
/// once read, scalars), with the settings of <see cref="KubeJson.Options"/>.
/// </summary>
[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Metadata,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    PropertyNameCaseInsensitive = false)]
[JsonSerializable(typeof(CoreService))]
[JsonSerializable(typeof(V1ObjectMeta))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(bool))]
internal sealed partial class KubeJsonContext : JsonSerializerContext;
