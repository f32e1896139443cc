using Mesh.Kubernetes;

namespace Mesh.Providers.Istio.Resources;

/// <summary>
/// The type map of the kinds this provider reads and writes, keyed <c>group/version/Kind</c> as KubernetesClient's
/// <c>KubernetesYaml.LoadAllFromString(yaml, typeMap)</c> expects: the Istio kinds, each read from <c>v1</c> and its older
/// served versions (<c>v1beta1</c>, and <c>v1alpha3</c> for networking), whose schemas are the same; and core <c>v1</c>
/// <c>Service</c>s (<see cref="CoreService"/>: their selector and ports).
/// </summary>
public static class IstioResourceTypes
{
    /// <summary>The current version of both API groups.</summary>
    public const string CurrentVersion = "v1";

    /// <summary>Every <c>apiVersion/Kind</c> read, mapped to its class.</summary>
    public static IReadOnlyDictionary<string, Type> TypeMap { get; } = Build();

    /// <summary>A new, mutable copy of <see cref="TypeMap"/>, in the form <c>KubernetesYaml.LoadAllFromString(yaml, typeMap)</c> takes (add other kinds to it freely).</summary>
    /// <returns>The copy.</returns>
    public static Dictionary<string, Type> CreateTypeMap() => new(TypeMap, StringComparer.Ordinal);

    /// <summary>The Istio API groups.</summary>
    public static IReadOnlyList<string> Groups { get; } = ["networking.istio.io", "security.istio.io"];

    /// <summary>
    /// What the Istio provider reads: the kinds of <see cref="TypeMap"/>, each written as <c>v1</c> (core Services as <c>v1</c>
    /// of the core group); other kinds of the Istio groups are out of scope, and the gateway binding and visibility fields
    /// (<c>gateways</c>, <c>exportTo</c>) are reported as such.
    /// </summary>
    public static ResourceCatalog Catalog { get; } = new(
        TypeMap,
        TypeMap.Values.Distinct().ToDictionary(t => t, t => t == typeof(CoreService) ? CoreService.KubeApiVersion : TypeMap.First(e => e.Value == t).Key.Split('/')[0] + "/" + CurrentVersion),
        new HashSet<string>(Groups, StringComparer.Ordinal),
        "an Istio resource this provider reads")
    {
        TypeInfoResolver = IstioJsonContext.Default,
        OutOfScopeKinds = "Envoy filters, workload entries and groups",
        OutOfScopeFields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["exportTo"] = "'exportTo' (gateway binding / visibility) is outside the model; it was not imported.",
        },
    };

    private static Dictionary<string, Type> Build()
    {
        var map = new Dictionary<string, Type>(StringComparer.Ordinal);
        void Add(string group, string kind, Type type, params string[] versions)
        {
            foreach (var version in versions) map[$"{group}/{version}/{kind}"] = type;
        }
        string[] networking = ["v1", "v1beta1", "v1alpha3"];
        string[] security = ["v1", "v1beta1"];
        Add(VirtualService.KubeGroup, VirtualService.KubeKind, typeof(VirtualService), networking);
        Add(DestinationRule.KubeGroup, DestinationRule.KubeKind, typeof(DestinationRule), networking);
        Add(ServiceEntry.KubeGroup, ServiceEntry.KubeKind, typeof(ServiceEntry), networking);
        Add(Sidecar.KubeGroup, Sidecar.KubeKind, typeof(Sidecar), networking);
        Add(Gateway.KubeGroup, Gateway.KubeKind, typeof(Gateway), networking);
        Add(PeerAuthentication.KubeGroup, PeerAuthentication.KubeKind, typeof(PeerAuthentication), security);
        Add(AuthorizationPolicy.KubeGroup, AuthorizationPolicy.KubeKind, typeof(AuthorizationPolicy), security);
        Add(RequestAuthentication.KubeGroup, RequestAuthentication.KubeKind, typeof(RequestAuthentication), security);
        Add(Telemetry.KubeGroup, Telemetry.KubeKind, typeof(Telemetry), "v1", "v1alpha1");
        map[$"{CoreService.KubeApiVersion}/{CoreService.KubeKind}"] = typeof(CoreService);
        return map;
    }

    /// <summary>Finds the class of <paramref name="apiVersion"/> and <paramref name="kind"/>.</summary>
    /// <param name="apiVersion">The <c>apiVersion</c>, e.g. <c>networking.istio.io/v1beta1</c>.</param>
    /// <param name="kind">The <c>kind</c>.</param>
    /// <param name="type">The class when found.</param>
    /// <returns>Whether the pair is read by this provider.</returns>
    public static bool TryGet(string apiVersion, string kind, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Type? type) =>
        TypeMap.TryGetValue($"{apiVersion}/{kind}", out type);
}
