using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>How a query parameter value is matched.</summary>
public sealed class QueryParameterMatchMethod
{
    /// <summary>The value, matched exactly.</summary>
    [JsonPropertyName("exact")]
    [YamlMember(Alias = "exact")]
    public string? Exact { get; set; }
}
