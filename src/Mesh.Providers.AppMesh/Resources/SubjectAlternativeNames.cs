using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>The subject alternative names a peer certificate must carry.</summary>
public sealed class SubjectAlternativeNames
{
    /// <summary>How the names are matched (required).</summary>
    [JsonPropertyName("match")]
    [YamlMember(Alias = "match")]
    public SubjectAlternativeNameMatchers? Match { get; set; }
}
