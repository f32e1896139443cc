using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>The spec of a <c>TerminatingGateway</c>.</summary>
public sealed class TerminatingGatewaySpec
{
    /// <summary>The services the gateway forwards to.</summary>
    [JsonPropertyName("services")]
    [YamlMember(Alias = "services")]
    public List<LinkedService>? Services { get; set; }
}
