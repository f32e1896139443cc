using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.GatewayApi.Resources;

/// <summary>The namespaces routes may attach from.</summary>
public sealed class RouteNamespaces
{
    /// <summary><c>Same</c> (the default), <c>All</c> or <c>Selector</c>.</summary>
    [JsonPropertyName("from")]
    [YamlMember(Alias = "from")]
    public string? From { get; set; }
}
