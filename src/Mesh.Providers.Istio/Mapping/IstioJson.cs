using System.Text.Json;
using Mesh.Kubernetes;

namespace Mesh.Providers.Istio.Mapping;

/// <summary>The JSON settings of the typed resources (the shared <see cref="KubeJson"/> ones) and JSON-path segments.</summary>
internal static class IstioJson
{
    public static JsonSerializerOptions Options => KubeJson.Options;

    /// <summary>A JSON-path segment for a property: <c>.name</c>, or <c>['x-user']</c> when the name is not an identifier.</summary>
    public static string Segment(string name) => JsonPaths.Segment(name);
}
