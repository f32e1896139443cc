using Mesh.Kubernetes;

namespace Mesh.Providers.GatewayApi.Resources;

/// <summary>
/// The type map of the Gateway API kinds this provider reads and writes, keyed <c>group/version/Kind</c> as
/// KubernetesClient's <c>KubernetesYaml.LoadAllFromString(yaml, typeMap)</c> expects, and the core <c>v1</c> Service
/// (the kit's <see cref="CoreService"/>: the services routes name, and the leaf Services of subsets), and
/// <c>BackendTLSPolicy</c> (client TLS to a Service). <c>HTTPRoute</c> is
/// also read from <c>v1beta1</c>, a served version with the same schema, and <c>TCPRoute</c> and <c>TLSRoute</c> (gateway TLS
/// routes, written as <c>v1</c>) from <c>v1alpha2</c>, their experimental version (the one Linkerd bundles).
/// </summary>
public static class GatewayApiResourceTypes
{
    /// <summary>The API group.</summary>
    public const string Group = "gateway.networking.k8s.io";

    /// <summary>The version written.</summary>
    public const string CurrentVersion = "v1";

    /// <summary>Every <c>apiVersion/Kind</c> read, mapped to its class.</summary>
    public static IReadOnlyDictionary<string, Type> TypeMap { get; } = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        [$"{Group}/v1/{HttpRoute.KubeKind}"] = typeof(HttpRoute),
        [$"{Group}/v1beta1/{HttpRoute.KubeKind}"] = typeof(HttpRoute),
        [$"{Group}/v1/{GrpcRoute.KubeKind}"] = typeof(GrpcRoute),
        [$"{Group}/v1/{TcpRoute.KubeKind}"] = typeof(TcpRoute),
        [$"{Group}/{TcpRoute.KubeApiVersionV1Alpha2}/{TcpRoute.KubeKind}"] = typeof(TcpRoute),
        [$"{Group}/{TlsRoute.KubeApiVersionV1}/{TlsRoute.KubeKind}"] = typeof(TlsRoute),
        [$"{Group}/{TlsRoute.KubeApiVersion}/{TlsRoute.KubeKind}"] = typeof(TlsRoute),
        [$"{Group}/v1/{Gateway.KubeKind}"] = typeof(Gateway),
        [$"{Group}/v1beta1/{Gateway.KubeKind}"] = typeof(Gateway),
        [$"{Group}/v1beta1/{ReferenceGrant.KubeKind}"] = typeof(ReferenceGrant),
        [$"{Group}/v1/{ReferenceGrant.KubeKind}"] = typeof(ReferenceGrant),
        [$"{Group}/v1/{BackendTlsPolicy.KubeKind}"] = typeof(BackendTlsPolicy),
        [$"{CoreService.KubeApiVersion}/{CoreService.KubeKind}"] = typeof(CoreService),
    };

    /// <summary>What the Gateway API provider reads: the kinds of <see cref="TypeMap"/>, each written in its current version (core Services in <c>v1</c>).</summary>
    public static ResourceCatalog Catalog { get; } = new(
        TypeMap,
        new Dictionary<Type, string>
        {
            [typeof(HttpRoute)] = HttpRoute.KubeGroup + "/" + HttpRoute.KubeApiVersion,
            [typeof(GrpcRoute)] = GrpcRoute.KubeGroup + "/" + GrpcRoute.KubeApiVersion,
            [typeof(TcpRoute)] = TcpRoute.KubeGroup + "/" + TcpRoute.KubeApiVersion,
            [typeof(TlsRoute)] = TlsRoute.KubeGroup + "/" + TlsRoute.KubeApiVersionV1,
            [typeof(Gateway)] = Gateway.KubeGroup + "/" + Gateway.KubeApiVersion,
            [typeof(ReferenceGrant)] = ReferenceGrant.KubeGroup + "/" + ReferenceGrant.KubeApiVersion,
            [typeof(BackendTlsPolicy)] = BackendTlsPolicy.KubeGroup + "/" + BackendTlsPolicy.KubeApiVersion,
            [typeof(CoreService)] = CoreService.KubeApiVersion,
        },
        new HashSet<string>(StringComparer.Ordinal) { Group },
        "a Gateway API route, Gateway, ReferenceGrant, BackendTLSPolicy or core Service this provider reads",
        VersionNotes: new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [$"{TcpRoute.KubeGroup}/{TcpRoute.KubeApiVersionV1Alpha2}/{TcpRoute.KubeKind}"] =
                $"{TcpRoute.KubeGroup}/{TcpRoute.KubeApiVersionV1Alpha2} is the experimental version of TCPRoute, which the standard-channel CRDs no longer serve; it was read as {TcpRoute.KubeGroup}/{TcpRoute.KubeApiVersion} (the same fields).",
            [$"{TlsRoute.KubeGroup}/{TlsRoute.KubeApiVersion}/{TlsRoute.KubeKind}"] =
                $"{TlsRoute.KubeGroup}/{TlsRoute.KubeApiVersion} is the experimental version of TLSRoute, which the standard-channel CRDs no longer serve; it was read as {TlsRoute.KubeGroup}/{TlsRoute.KubeApiVersionV1} (which requires hostnames and takes one rule).",
        })
    {
        TypeInfoResolver = GatewayApiJsonContext.Default,
    };

    /// <summary>A new, mutable copy of <see cref="TypeMap"/>, in the form <c>KubernetesYaml.LoadAllFromString(yaml, typeMap)</c> takes.</summary>
    /// <returns>The copy.</returns>
    public static Dictionary<string, Type> CreateTypeMap() => new(TypeMap, StringComparer.Ordinal);

    /// <summary>Finds the class of <paramref name="apiVersion"/> and <paramref name="kind"/>.</summary>
    /// <param name="apiVersion">The <c>apiVersion</c>, e.g. <c>gateway.networking.k8s.io/v1</c>.</param>
    /// <param name="kind">The <c>kind</c>.</param>
    /// <param name="type">The class when found.</param>
    /// <returns>Whether the pair is read by this provider.</returns>
    public static bool TryGet(string apiVersion, string kind, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Type? type) =>
        TypeMap.TryGetValue($"{apiVersion}/{kind}", out type);
}
