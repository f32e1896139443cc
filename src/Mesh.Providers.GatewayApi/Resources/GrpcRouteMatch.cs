using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.GatewayApi.Resources;

/// <summary>The conditions of one gRPC match; all must hold.</summary>
public sealed class GrpcRouteMatch
{
    /// <summary>The method condition.</summary>
    [JsonPropertyName("method")]
    [YamlMember(Alias = "method")]
    public GrpcMethodMatch? Method { get; set; }

    /// <summary>Header conditions.</summary>
    [JsonPropertyName("headers")]
    [YamlMember(Alias = "headers")]
    public List<GrpcHeaderMatch>? Headers { get; set; }
}
