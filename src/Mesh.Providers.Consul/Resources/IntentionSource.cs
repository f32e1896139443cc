using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>A source of intentions: <see cref="Action"/> or <see cref="Permissions"/>, never both.</summary>
public sealed class IntentionSource
{
    /// <summary>The calling Consul service (<c>*</c> for all).</summary>
    [JsonPropertyName("name")]
    [YamlMember(Alias = "name")]
    public string? Name { get; set; }

    /// <summary>The caller's Consul namespace (Enterprise).</summary>
    [JsonPropertyName("namespace")]
    [YamlMember(Alias = "namespace")]
    public string? Namespace { get; set; }

    /// <summary>The caller's admin partition (Enterprise).</summary>
    [JsonPropertyName("partition")]
    [YamlMember(Alias = "partition")]
    public string? Partition { get; set; }

    /// <summary>The caller's cluster peer.</summary>
    [JsonPropertyName("peer")]
    [YamlMember(Alias = "peer")]
    public string? Peer { get; set; }

    /// <summary>The caller's sameness group.</summary>
    [JsonPropertyName("samenessGroup")]
    [YamlMember(Alias = "samenessGroup")]
    public string? SamenessGroup { get; set; }

    /// <summary><c>allow</c> or <c>deny</c> (L4).</summary>
    [JsonPropertyName("action")]
    [YamlMember(Alias = "action")]
    public string? Action { get; set; }

    /// <summary>L7 permissions, first match wins.</summary>
    [JsonPropertyName("permissions")]
    [YamlMember(Alias = "permissions")]
    public List<IntentionPermission>? Permissions { get; set; }

    /// <summary>A description.</summary>
    [JsonPropertyName("description")]
    [YamlMember(Alias = "description")]
    public string? Description { get; set; }
}
