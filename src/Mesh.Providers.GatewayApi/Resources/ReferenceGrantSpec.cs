using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.GatewayApi.Resources;

/// <summary>The spec of a <c>ReferenceGrant</c>: who may refer, to what.</summary>
public sealed class ReferenceGrantSpec
{
    /// <summary>The referrers: group, kind and namespace.</summary>
    [JsonPropertyName("from")]
    [YamlMember(Alias = "from")]
    public List<ReferenceGrantFrom>? From { get; set; }

    /// <summary>The referents of this namespace: group, kind and optionally name.</summary>
    [JsonPropertyName("to")]
    [YamlMember(Alias = "to")]
    public List<ReferenceGrantTo>? To { get; set; }
}
