using Mesh.Diagnostics;
using Mesh.Model;

namespace Mesh.Xds.Planning;

/// <summary>
/// What the encoder checks beyond the model's rules: the proxy description, and regexes against the xDS client's
/// own engine when <see cref="XdsEncoderOptions.RegexCheck"/> is given.
/// </summary>
/// <remarks>
/// The model's rules (weights, ports, duplicates, references, statuses, durations, percentages, retry values, RE2
/// syntax, IP blocks, one route per host) are <c>MeshValidator</c>'s, which <see cref="XdsEncoder.Compile"/> runs
/// first; a model it rejects is not planned. So a problem is reported once, with the validator's <c>MESH20xx</c>
/// code, and nothing here repeats a model rule.
/// </remarks>
internal static class NackChecks
{
    /// <summary>The proxy asking must identify itself (checked whether or not the model is valid).</summary>
    public static void Proxy(XdsProxy proxy, List<Diagnostic> diagnostics)
    {
        if (string.IsNullOrEmpty(proxy.NodeId))
        {
            diagnostics.Add(Diagnostic.Error(XdsDiagnosticCodes.InvalidProxy, "$.proxy.nodeId", "The proxy needs a node id.") with { Provider = XdsEncoder.ProviderName });
        }
        if (proxy.Kind == XdsProxyKind.Gateway && (string.IsNullOrEmpty(proxy.GatewayName) || string.IsNullOrEmpty(proxy.Namespace)))
        {
            diagnostics.Add(Diagnostic.Error(XdsDiagnosticCodes.InvalidProxy, "$.proxy.gatewayName", "A gateway proxy needs the name and namespace of the model gateway it runs.") with { Provider = XdsEncoder.ProviderName });
        }
        else if (proxy.Kind != XdsProxyKind.Gateway && proxy.GatewayName is not null)
        {
            diagnostics.Add(Diagnostic.Error(XdsDiagnosticCodes.InvalidProxy, "$.proxy.gatewayName", $"Only a gateway proxy runs a gateway; this proxy is {(proxy.Kind == XdsProxyKind.ProxylessGrpc ? "a proxyless gRPC client" : "a sidecar")}.") with { Provider = XdsEncoder.ProviderName });
        }
    }

    /// <summary>
    /// The regexes of a match (path, headers, query parameters) against <see cref="XdsEncoderOptions.RegexCheck"/>
    /// when one is given; a query parameter that must be absent, which Envoy cannot match, is reported as not encoded.
    /// </summary>
    public static void Match(PlanContext context, HttpMatch match, string path)
    {
        if (context.RegexCheck is { } check)
        {
            if (match.Path is { Kind: PathMatchKind.Regex } p) Regex(context, check, p.Value, path + ".path.regex");
            for (var h = 0; h < match.Headers.Count; h++)
            {
                if (match.Headers[h] is { Kind: ValueMatchKind.Regex, Value: { } v }) Regex(context, check, v, $"{path}.headers[{h}].regex");
            }
        }
        for (var q = 0; q < match.QueryParams.Count; q++)
        {
            var query = match.QueryParams[q];
            if (context.RegexCheck is { } queryCheck && query is { Kind: ValueMatchKind.Regex, Value: { } v }) Regex(context, queryCheck, v, $"{path}.queryParams[{q}].regex");
            if (query.Kind == ValueMatchKind.Absent)
            {
                context.Warning(XdsDiagnosticCodes.NotEncoded, $"{path}.queryParams[{q}]", $"Envoy cannot match the absence of query parameter '{query.Name}'; the route matches without that condition.");
            }
        }
    }

    private static void Regex(PlanContext context, Func<string, string?> check, string pattern, string path)
    {
        if (check(pattern) is { } reason)
        {
            context.Error(XdsDiagnosticCodes.RegexRejected, path, $"'{pattern}' cannot be used by the xDS client's regex engine: {reason}");
        }
    }
}
