using System.Text.Json.Nodes;

namespace Mesh.Providers.Conformance.Support;

/// <summary>Changes that break a CEL rule of the Gateway API route CRDs but not their OpenAPI schema, for the schema suites' self-test.</summary>
public static class GatewayApiRuleViolations
{
    /// <summary>
    /// For a <c>gateway.networking.k8s.io</c> HTTPRoute with a rule: that rule gets one RegularExpression path match and a
    /// URLRewrite filter with ReplacePrefixMatch (the rule wants exactly one PathPrefix match). For any
    /// <c>gateway.networking.k8s.io</c> route with a parentRef: the first parentRef twice (parents must be unique). For a
    /// BackendTLSPolicy: both CA sources, and a subject alternative name holding both a hostname and a URI.
    /// </summary>
    /// <param name="resource">An emitted resource.</param>
    public static IEnumerable<Action<JsonNode>> Of(JsonNode resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (resource["apiVersion"]?.GetValue<string>()?.StartsWith("gateway.networking.k8s.io/", StringComparison.Ordinal) != true) yield break;
        if (resource["kind"]?.GetValue<string>() == "HTTPRoute" && resource["spec"]?["rules"] is JsonArray { Count: > 0 })
        {
            yield return node =>
            {
                var rule = node["spec"]!["rules"]![0]!;
                rule["matches"] = new JsonArray(new JsonObject { ["path"] = new JsonObject { ["type"] = "RegularExpression", ["value"] = "^/reviews/[0-9]+$" } });
                rule["filters"] = new JsonArray(new JsonObject
                {
                    ["type"] = "URLRewrite",
                    ["urlRewrite"] = new JsonObject { ["path"] = new JsonObject { ["type"] = "ReplacePrefixMatch", ["replacePrefixMatch"] = "/r" } },
                });
            };
        }
        if (resource["kind"]?.GetValue<string>() == "BackendTLSPolicy" && resource["spec"]?["validation"] is JsonObject validation)
        {
            // Both CA sources (exactly one is allowed).
            yield return node =>
            {
                var v = node["spec"]!["validation"]!;
                if (v["caCertificateRefs"] is null) v["caCertificateRefs"] = new JsonArray(new JsonObject { ["group"] = "", ["kind"] = "ConfigMap", ["name"] = "ca" });
                else v["wellKnownCACertificates"] = "System";
            };
            if (validation["subjectAltNames"] is JsonArray { Count: > 0 })
            {
                // A Hostname subject alternative name that also holds a URI.
                yield return node =>
                {
                    var san = node["spec"]!["validation"]!["subjectAltNames"]![0]!;
                    if (san["type"]!.GetValue<string>() == "Hostname") san["uri"] = "spiffe://example.com/a";
                    else san["hostname"] = "a.example.com";
                };
            }
        }
        if (resource["spec"]?["parentRefs"] is JsonArray { Count: > 0 })
        {
            yield return node =>
            {
                var parents = node["spec"]!["parentRefs"]!.AsArray();
                parents.Add(parents[0]!.DeepClone());
            };
        }
    }
}
