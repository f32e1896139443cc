using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>The virtual gateway a gateway route belongs to, as the App Mesh controller records it.</summary>
public sealed class VirtualGatewayReference
{
    /// <summary>The name of the <see cref="VirtualGateway"/>.</summary>
    [JsonPropertyName("name")]
    [YamlMember(Alias = "name")]
    public string? Name { get; set; }

    /// <summary>Its namespace; absent means the route's namespace.</summary>
    [JsonPropertyName("namespace")]
    [YamlMember(Alias = "namespace")]
    public string? Namespace { get; set; }

    /// <summary>Its UID.</summary>
    [JsonPropertyName("uid")]
    [YamlMember(Alias = "uid")]
    public string? Uid { get; set; }
}
