using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>One key/value attribute of a Cloud Map instance.</summary>
public sealed class AwsCloudMapInstanceAttribute
{
    /// <summary>The attribute key.</summary>
    [JsonPropertyName("key")]
    [YamlMember(Alias = "key")]
    public string? Key { get; set; }

    /// <summary>The attribute value.</summary>
    [JsonPropertyName("value")]
    [YamlMember(Alias = "value")]
    public string? Value { get; set; }
}
