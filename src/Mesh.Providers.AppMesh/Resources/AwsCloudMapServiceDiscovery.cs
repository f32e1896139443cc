using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>Discovery through AWS Cloud Map.</summary>
public sealed class AwsCloudMapServiceDiscovery
{
    /// <summary>The Cloud Map namespace (required).</summary>
    [JsonPropertyName("namespaceName")]
    [YamlMember(Alias = "namespaceName")]
    public string? NamespaceName { get; set; }

    /// <summary>The Cloud Map service (required).</summary>
    [JsonPropertyName("serviceName")]
    [YamlMember(Alias = "serviceName")]
    public string? ServiceName { get; set; }

    /// <summary>Attributes an instance must carry to be this node (e.g. its pod labels).</summary>
    [JsonPropertyName("attributes")]
    [YamlMember(Alias = "attributes")]
    public List<AwsCloudMapInstanceAttribute>? Attributes { get; set; }
}
