using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.AppMesh.Mapping;
using Mesh.Translation;

namespace Mesh.Providers.AppMesh.Translation;

/// <summary>
/// The state of one translation to App Mesh: the kit's <see cref="ExportContext"/> with the options and the node plan. A model
/// rule is written once per match and router port, so the mappings raise their diagnostics through the <c>…Once</c> methods:
/// one diagnostic per path and message, however many App Mesh routes or listeners repeat the cause.
/// </summary>
internal sealed class AppMeshExportContext(AppMeshOptions options, MeshConfig config) : ExportContext(ProviderName.AppMesh, config)
{
    public AppMeshOptions Options { get; } = options;

    /// <summary>The virtual nodes of the translation (set once the external services are planned).</summary>
    public NodePlan Plan { get; set; } = NodePlan.Empty;

    /// <summary>
    /// The client TLS of each destination that callers' backends carry, with its policy's index and the ports it is limited
    /// to (null: every port) (<see cref="ClientTlsMapping.Plan"/>).
    /// </summary>
    public Dictionary<ServiceRef, (ClientTls Tls, int Index, SortedSet<int>? Ports)> ClientTls { get; } = [];

    /// <summary>The destinations whose client TLS some caller's backend carries.</summary>
    public HashSet<ServiceRef> ClientTlsWritten { get; } = [];

    private AccessPolicyMapping.CallerIndex? _callers;
    private Dictionary<ServiceRef, List<(DestinationPolicy Policy, int Index)>>? _policies;

    /// <summary>Which callers keep each service among their backends (built on first use).</summary>
    public AccessPolicyMapping.CallerIndex Callers => _callers ??= new AccessPolicyMapping.CallerIndex(Config);

    /// <summary>The destination policies of each service, in model order, with their index (built on first use).</summary>
    public IReadOnlyList<(DestinationPolicy Policy, int Index)> PoliciesOf(ServiceRef service)
    {
        if (_policies is null)
        {
            _policies = [];
            for (var i = 0; i < Config.DestinationPolicies.Count; i++)
            {
                var policy = Config.DestinationPolicies[i];
                // A port's policy is reported and not written (DestinationPolicyMapping.Report).
                if (policy?.Target?.Service is not { } target || policy.Target.Port is not null) continue;
                if (!_policies.TryGetValue(target, out var list)) _policies[target] = list = [];
                list.Add((policy, i));
            }
        }
        return _policies.TryGetValue(service, out var found) ? found : [];
    }

    private readonly Dictionary<string, List<(ServiceRef Service, Resources.Backend Backend)>> _callable = new(StringComparer.Ordinal);

    /// <summary>
    /// The virtual services nodes of <paramref name="callerNamespace"/> may call, each with its backend entry (shared by every
    /// node of that namespace), in the order of <paramref name="virtualServices"/>.
    /// </summary>
    public List<(ServiceRef Service, Resources.Backend Backend)> Callable(string callerNamespace, IReadOnlyList<ServiceRef> virtualServices)
    {
        if (_callable.TryGetValue(callerNamespace, out var cached)) return cached;
        var list = new List<(ServiceRef, Resources.Backend)>();
        foreach (var vs in virtualServices)
        {
            if (!Callers.Allows(vs, callerNamespace)) continue;
            list.Add((vs, new Resources.Backend
            {
                VirtualService = new Resources.VirtualServiceBackend
                {
                    VirtualServiceRef = new Resources.AppMeshReference { Name = vs.Name, Namespace = vs.Namespace == callerNamespace ? null : vs.Namespace },
                },
            }));
        }
        _callable[callerNamespace] = list;
        return list;
    }

    private readonly Dictionary<string, (List<string> Namespaces, bool Wider)> _callableNamespaces = new(StringComparer.Ordinal);

    /// <summary>
    /// The namespaces holding a virtual service nodes of <paramref name="callerNamespace"/> may call, in the order of
    /// <paramref name="virtualServices"/> (sorted by namespace), and whether some virtual service is kept from them (built once
    /// per caller namespace: a namespace group is the same for every node of a namespace).
    /// </summary>
    public (List<string> Namespaces, bool Wider) CallableNamespaces(string callerNamespace, IReadOnlyList<ServiceRef> virtualServices)
    {
        if (_callableNamespaces.TryGetValue(callerNamespace, out var cached)) return cached;
        var namespaces = new List<string>();
        var wider = false;
        foreach (var vs in virtualServices)
        {
            if (!Callers.Allows(vs, callerNamespace))
            {
                wider = true;
                continue;
            }
            if (namespaces.Count == 0 || !string.Equals(namespaces[^1], vs.Namespace, StringComparison.Ordinal)) namespaces.Add(vs.Namespace);
        }
        return _callableNamespaces[callerNamespace] = (namespaces, wider);
    }

    /// <summary>The cluster FQDN of <paramref name="service"/> with the configured cluster domain.</summary>
    public string Fqdn(ServiceRef service) => service.ToFqdn(Options.ClusterDomain);
}
