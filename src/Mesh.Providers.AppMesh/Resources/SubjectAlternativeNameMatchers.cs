using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>The matchers of <see cref="SubjectAlternativeNames"/>.</summary>
public sealed class SubjectAlternativeNameMatchers
{
    /// <summary>The names accepted, matched exactly; the certificate must carry one of them.</summary>
    [JsonPropertyName("exact")]
    [YamlMember(Alias = "exact")]
    public List<string>? Exact { get; set; }
}
