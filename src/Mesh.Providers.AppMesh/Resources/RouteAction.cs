using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>Where a virtual router's route sends traffic.</summary>
public sealed class RouteAction
{
    /// <summary>The virtual nodes and their relative weights (1 to 10 targets; required).</summary>
    [JsonPropertyName("weightedTargets")]
    [YamlMember(Alias = "weightedTargets")]
    public List<WeightedTarget>? WeightedTargets { get; set; }
}
