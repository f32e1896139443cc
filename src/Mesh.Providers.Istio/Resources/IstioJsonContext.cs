using System.Text.Json.Serialization;
using Mesh.Kubernetes;

namespace Mesh.Providers.Istio.Resources;

/// <summary>Source-generated JSON metadata of the Istio resources (read, diffed and written as YAML from it, never by runtime reflection), with the settings of <see cref="KubeJson.Options"/>. Metadata only: the
/// serializer then resolves the value of an <c>object</c> member through the options in use (with the kit's context), not this context alone.</summary>
[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Metadata,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    PropertyNameCaseInsensitive = false)]
[JsonSerializable(typeof(AuthorizationPolicy))]
[JsonSerializable(typeof(DestinationRule))]
[JsonSerializable(typeof(PeerAuthentication))]
[JsonSerializable(typeof(RequestAuthentication))]
[JsonSerializable(typeof(Telemetry))]
[JsonSerializable(typeof(ServiceEntry))]
[JsonSerializable(typeof(Sidecar))]
[JsonSerializable(typeof(Gateway))]
[JsonSerializable(typeof(VirtualService))]
[JsonSerializable(typeof(CoreService))]
internal sealed partial class IstioJsonContext : JsonSerializerContext;
