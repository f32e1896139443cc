using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.GatewayApi.Resources;

/// <summary>Header changes: set (replace), add (append), remove.</summary>
public sealed class HttpHeaderFilter
{
    /// <summary>Headers set, replacing any value.</summary>
    [JsonPropertyName("set")]
    [YamlMember(Alias = "set")]
    public List<HttpHeader>? Set { get; set; }

    /// <summary>Headers appended.</summary>
    [JsonPropertyName("add")]
    [YamlMember(Alias = "add")]
    public List<HttpHeader>? Add { get; set; }

    /// <summary>Header names removed.</summary>
    [JsonPropertyName("remove")]
    [YamlMember(Alias = "remove")]
    public List<string>? Remove { get; set; }
}
