using System.Text.Json.Serialization;
using Mesh.Kubernetes;

namespace Mesh.Providers.GatewayApi.Resources;

/// <summary>Source-generated JSON metadata of the GatewayApi resources (read, diffed and written as YAML from it, never by runtime reflection), with the settings of <see cref="KubeJson.Options"/>. Metadata only: the
/// serializer then resolves the value of an <c>object</c> member through the options in use (with the kit's context), not this context alone.</summary>
[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Metadata,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    PropertyNameCaseInsensitive = false)]
[JsonSerializable(typeof(BackendTlsPolicy))]
[JsonSerializable(typeof(GrpcRoute))]
[JsonSerializable(typeof(HttpRoute))]
[JsonSerializable(typeof(TcpRoute))]
[JsonSerializable(typeof(Gateway))]
[JsonSerializable(typeof(ReferenceGrant))]
[JsonSerializable(typeof(TlsRoute))]
[JsonSerializable(typeof(CoreService))]
internal sealed partial class GatewayApiJsonContext : JsonSerializerContext;
