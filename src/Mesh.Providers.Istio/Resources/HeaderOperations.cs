using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>Header set, add and remove operations.</summary>
public sealed class HeaderOperations
{
    /// <summary>Headers replaced.</summary>
    [JsonPropertyName("set")]
    [YamlMember(Alias = "set")]
    public Dictionary<string, string>? Set { get; set; }

    /// <summary>Headers appended.</summary>
    [JsonPropertyName("add")]
    [YamlMember(Alias = "add")]
    public Dictionary<string, string>? Add { get; set; }

    /// <summary>Headers removed.</summary>
    [JsonPropertyName("remove")]
    [YamlMember(Alias = "remove")]
    public List<string>? Remove { get; set; }
}
