using Mesh.Compliance;
using Mesh.Diagnostics;
using Mesh.Serialization;
using Mesh.Translation;

namespace Mesh.Cli.Output;

/// <summary>
/// The Kubernetes objects of the manifests a model was imported from, to name the one a model object most likely came from:
/// an import keeps no record of it, so the object is found by namespace and name, preferring the kinds that carry the concept.
/// </summary>
internal sealed class ManifestObjects
{
    /// <summary>One object: its kind, namespace, name, <c>file#doc</c> (with <c>$.items[i]</c> in a List) and where it starts.</summary>
    internal sealed record ManifestObject(string Kind, string? Namespace, string? Name, string Source, SourceLocation Location);

    private static readonly Dictionary<RuleSubject, string[]> Kinds = new()
    {
        [RuleSubject.Services] = ["Service", "ServiceDefaults", "VirtualNode"],
        [RuleSubject.Routes] = ["VirtualService", "HTTPRoute", "GRPCRoute", "ServiceRouter", "VirtualRouter", "TrafficSplit", "ServiceProfile", "ServiceSplitter"],
        [RuleSubject.RouteRules] = ["VirtualService", "HTTPRoute", "GRPCRoute", "ServiceRouter", "VirtualRouter", "TrafficSplit", "ServiceProfile", "ServiceSplitter"],
        [RuleSubject.TcpRoutes] = ["VirtualService", "TCPRoute", "TrafficSplit", "VirtualRouter"],
        [RuleSubject.DestinationPolicies] = ["DestinationRule", "ServiceResolver", "ServiceDefaults", "UpstreamTrafficSetting", "VirtualNode", "Service"],
        [RuleSubject.Mtls] = ["PeerAuthentication", "MeshTLSAuthentication", "Mesh", "MeshConfig"],
        [RuleSubject.AccessPolicies] = ["AuthorizationPolicy", "ServiceIntentions", "TrafficTarget", "Server", "ServerAuthorization"],
        [RuleSubject.RequestAuthentications] = ["RequestAuthentication"],
        [RuleSubject.ExternalServices] = ["ServiceEntry", "EgressNetwork", "Egress", "TerminatingGateway", "ServiceDefaults"],
    };

    private readonly List<ManifestObject> _objects = [];

    public ManifestObjects(IReadOnlyList<SourceText> sources)
    {
        foreach (var source in sources)
        {
            var roots = YamlStreamReader.Read(source.Text, source.Name, MeshReaderOptions.Default with { AllowAliases = true }, new List<Diagnostic>());
            for (var d = 0; d < roots.Count; d++)
            {
                var root = roots[d];
                if (Child(root, "kind")?.Value == "List" && Child(root, "items") is { Kind: YamlNodeKind.Sequence } items)
                {
                    for (var i = 0; i < items.Children.Count; i++) Add(items.Children[i], $"{source.Name}#{d} $.items[{i}]", source.Name);
                }
                else
                {
                    Add(root, $"{source.Name}#{d}", source.Name);
                }
            }
        }
    }

    public IReadOnlyList<ManifestObject> Objects => _objects;

    /// <summary>The object a violation's model object most likely came from, or null.</summary>
    public ManifestObject? Find(ComplianceViolation violation)
    {
        var candidates = _objects.Where(o => o.Namespace == violation.Namespace && (violation.Name is null || o.Name == violation.Name)).ToList();
        if (candidates.Count == 0) return null;
        var kinds = Kinds.GetValueOrDefault(violation.Subject) ?? [];
        foreach (var kind in kinds)
        {
            if (candidates.FirstOrDefault(o => o.Kind == kind) is { } preferred) return preferred;
        }
        return violation.Name is null ? null : candidates[0];
    }

    private void Add(YamlNode node, string source, string file)
    {
        if (node.Kind != YamlNodeKind.Mapping || Child(node, "kind")?.Value is not { } kind) return;
        var metadata = Child(node, "metadata");
        var name = metadata is null ? null : Child(metadata, "name")?.Value;
        var ns = metadata is null ? null : Child(metadata, "namespace")?.Value ?? "default";
        _objects.Add(new ManifestObject(kind, ns, name, source, new SourceLocation(file, node.Line, node.Column)));
    }

    private static YamlNode? Child(YamlNode node, string key)
    {
        if (node.Kind != YamlNodeKind.Mapping) return null;
        for (var i = 0; i + 1 < node.Children.Count; i += 2)
        {
            if (node.Children[i].Value == key) return node.Children[i + 1];
        }
        return null;
    }
}
