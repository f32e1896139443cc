using System.Text.Json.Serialization;
using Mesh.Kubernetes;

namespace Mesh.Providers.Consul.Resources;

/// <summary>Source-generated JSON metadata of the Consul resources (read, diffed and written as YAML from it, never by runtime reflection), with the settings of <see cref="KubeJson.Options"/>. Metadata only: the
/// serializer then resolves the value of an <c>object</c> member through the options in use (with the kit's context), not this context alone.</summary>
[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Metadata,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    PropertyNameCaseInsensitive = false)]
[JsonSerializable(typeof(ConsulMesh))]
[JsonSerializable(typeof(ExportedServices))]
[JsonSerializable(typeof(IngressGateway))]
[JsonSerializable(typeof(JwtProvider))]
[JsonSerializable(typeof(ProxyDefaults))]
[JsonSerializable(typeof(ServiceDefaults))]
[JsonSerializable(typeof(ServiceIntentions))]
[JsonSerializable(typeof(ServiceResolver))]
[JsonSerializable(typeof(ServiceRouter))]
[JsonSerializable(typeof(ServiceSplitter))]
[JsonSerializable(typeof(TerminatingGateway))]
[JsonSerializable(typeof(GatewayApi.Resources.HttpRoute), TypeInfoPropertyName = "GatewayHttpRoute")]
[JsonSerializable(typeof(GatewayApi.Resources.GrpcRoute), TypeInfoPropertyName = "GatewayGrpcRoute")]
[JsonSerializable(typeof(GatewayApi.Resources.TcpRoute), TypeInfoPropertyName = "GatewayTcpRoute")]
[JsonSerializable(typeof(GatewayApi.Resources.TlsRoute), TypeInfoPropertyName = "GatewayTlsRoute")]
[JsonSerializable(typeof(GatewayApi.Resources.Gateway), TypeInfoPropertyName = "GatewayGateway")]
[JsonSerializable(typeof(GatewayApi.Resources.ReferenceGrant), TypeInfoPropertyName = "GatewayReferenceGrant")]
[JsonSerializable(typeof(CoreService))]
internal sealed partial class ConsulJsonContext : JsonSerializerContext;
