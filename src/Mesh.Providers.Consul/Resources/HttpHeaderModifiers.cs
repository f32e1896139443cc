using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>Header changes: add (append), set (replace) and remove.</summary>
public sealed class HttpHeaderModifiers
{
    /// <summary>Headers appended.</summary>
    [JsonPropertyName("add")]
    [YamlMember(Alias = "add")]
    public Dictionary<string, string>? Add { get; set; }

    /// <summary>Headers set, replacing any value.</summary>
    [JsonPropertyName("set")]
    [YamlMember(Alias = "set")]
    public Dictionary<string, string>? Set { get; set; }

    /// <summary>Headers removed.</summary>
    [JsonPropertyName("remove")]
    [YamlMember(Alias = "remove")]
    public List<string>? Remove { get; set; }
}
