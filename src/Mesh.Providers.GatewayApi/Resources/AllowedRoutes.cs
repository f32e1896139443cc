using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.GatewayApi.Resources;

/// <summary>Which routes may attach to a listener.</summary>
public sealed class AllowedRoutes
{
    /// <summary>The namespaces routes may come from.</summary>
    [JsonPropertyName("namespaces")]
    [YamlMember(Alias = "namespaces")]
    public RouteNamespaces? Namespaces { get; set; }
}
