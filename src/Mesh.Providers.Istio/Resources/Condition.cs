using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>A condition of an authorization rule: the attribute <see cref="Key"/> matches a value and no not-value.</summary>
public sealed class Condition
{
    /// <summary>The attribute (<c>request.headers[x]</c>, <c>source.ip</c>, <c>request.auth.claims[iss]</c>, …).</summary>
    [JsonPropertyName("key")]
    [YamlMember(Alias = "key")]
    public string? Key { get; set; }

    /// <summary>Accepted values.</summary>
    [JsonPropertyName("values")]
    [YamlMember(Alias = "values")]
    public List<string>? Values { get; set; }

    /// <summary>Rejected values.</summary>
    [JsonPropertyName("notValues")]
    [YamlMember(Alias = "notValues")]
    public List<string>? NotValues { get; set; }
}
