using System.Text.Json.Nodes;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Conformance.Schema;
using Mesh.Rollouts;
using Mesh.Testing;
using Mesh.Translation;

namespace Mesh.Providers.Conformance.Support;

/// <summary>
/// What a provider that routes to Services writes for a rollout step (<see cref="Rollout.Apply"/>), checked: every object
/// validates strictly against the provider's CRD schemas (and the core Service schema), and the stable and canary are leaf
/// Services that the service's routes send to.
/// </summary>
public static class RolloutOutput
{
    /// <summary>
    /// The problems of <paramref name="translator"/>'s output for the step of <paramref name="rollout"/> on
    /// <paramref name="config"/>: schema problems (but those containing one of <paramref name="tolerated"/>), a subset without its
    /// leaf Service, a route of the service that names neither leaf Service. Empty when the step itself cannot be taken.
    /// </summary>
    /// <param name="translator">The provider's translator (routing to leaf Services).</param>
    /// <param name="schemas">The provider's CRD schemas.</param>
    /// <param name="config">The model.</param>
    /// <param name="rollout">The rollout.</param>
    /// <param name="step">The step.</param>
    /// <param name="tolerated">Rule messages the provider's schema suite already allows for generated models, with its reasons.</param>
    /// <returns>The problems, each naming the object.</returns>
    public static IReadOnlyList<string> Problems(ITranslator translator, CrdSchemaSet schemas, MeshConfig config, Rollout rollout, RolloutStep step, IReadOnlyList<string> tolerated)
    {
        var result = rollout.Apply(config, step);
        if (result.Config is not { } stepped) return [];
        var documents = YamlJson.Documents(translator.WriteYaml(translator.Translate(stepped).Resources));
        var problems = new List<string>();
        foreach (var document in documents)
        {
            var id = $"{document["kind"]}/{document["metadata"]?["namespace"]}/{document["metadata"]?["name"]}";
            problems.AddRange(schemas.Validate(document).Where(p => !tolerated.Any(t => p.Contains(t, StringComparison.Ordinal))).Select(p => $"{step}: {id} {p}"));
        }

        var service = rollout.Service;
        var routes = documents.Where(d => d["kind"]?.GetValue<string>() is "HTTPRoute" or "GRPCRoute"
            && d["metadata"]?["namespace"]?.GetValue<string>() == service.Namespace
            && (d["spec"]?["parentRefs"]?.AsArray() ?? []).Any(p => p?["kind"]?.GetValue<string>() == "Service" && p["name"]?.GetValue<string>() == service.Name)).ToList();
        foreach (var subset in new[] { rollout.Stable, rollout.Canary })
        {
            var leaf = documents.FirstOrDefault(d => d["apiVersion"]?.GetValue<string>() == "v1" && d["kind"]?.GetValue<string>() == "Service"
                && d["metadata"]?["namespace"]?.GetValue<string>() == service.Namespace
                && d["metadata"]?["labels"]?[LeafServiceLabels.Parent]?.GetValue<string>() == service.Name
                && d["metadata"]?["labels"]?[LeafServiceLabels.Subset]?.GetValue<string>() == subset);
            if (leaf?["metadata"]?["name"]?.GetValue<string>() is not { } name)
            {
                problems.Add($"{step}: no leaf Service for {service} subset {subset}");
                continue;
            }
            foreach (var route in routes)
            {
                if (!Names(route).Contains(name)) problems.Add($"{step}: {route["kind"]} {route["metadata"]?["name"]} does not send to the leaf Service {name} of subset {subset}");
            }
        }
        return problems;
    }

    /// <summary>Every <c>name</c> in the route's rules (backendRefs and mirror filters).</summary>
    private static HashSet<string> Names(JsonNode route)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (key, value) in o)
                    {
                        if (key == "name" && value is JsonValue v && v.TryGetValue<string>(out var s)) names.Add(s);
                        else Walk(value);
                    }
                    break;
                case JsonArray a:
                    foreach (var item in a) Walk(item);
                    break;
            }
        }
        Walk(route["spec"]?["rules"]);
        return names;
    }
}
