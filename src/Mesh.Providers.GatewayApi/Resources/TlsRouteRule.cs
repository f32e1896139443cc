using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.GatewayApi.Resources;

/// <summary>A rule of a <see cref="TlsRoute"/>: where the selected connections go.</summary>
public sealed class TlsRouteRule
{
    /// <summary>The weighted backends.</summary>
    [JsonPropertyName("backendRefs")]
    [YamlMember(Alias = "backendRefs")]
    public List<BackendRef>? BackendRefs { get; set; }
}
