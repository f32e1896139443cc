using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>Least request settings.</summary>
public sealed class LeastRequestConfig
{
    /// <summary>The number of instances compared.</summary>
    [JsonPropertyName("choiceCount")]
    [YamlMember(Alias = "choiceCount")]
    public int? ChoiceCount { get; set; }
}
