namespace Mesh.Providers.GatewayApi.Import;

/// <summary>The kinds a provider reads: <c>group/version/Kind</c> → class, each class's written <c>apiVersion</c>, and the API groups whose other kinds are out of scope rather than unknown.</summary>
/// <param name="TypeMap">Every <c>group/version/Kind</c> read.</param>
/// <param name="Canonical">The <c>apiVersion</c> each class is written with; other versions read into it get a legacy note.</param>
/// <param name="Groups">The provider's API groups.</param>
/// <param name="Description">What the provider reads, for messages (e.g. "a Gateway API route").</param>
/// <param name="LegacyNotes">For kinds of the provider's groups that are legacy forms: what they became (a legacy note beside the out-of-scope report).</param>
/// <param name="VersionNotes">For <c>group/version/Kind</c> entries read into a class written with another version: the note said instead of "an older served version" (e.g. for a newer version than the provider writes).</param>
internal sealed record ResourceCatalog(IReadOnlyDictionary<string, Type> TypeMap, IReadOnlyDictionary<Type, string> Canonical, IReadOnlySet<string> Groups, string Description, IReadOnlyDictionary<string, string>? LegacyNotes = null, IReadOnlyDictionary<string, string>? VersionNotes = null)
{
    /// <summary>Gateway API mesh routes.</summary>
    public static ResourceCatalog GatewayApi { get; } = new(
        Resources.GatewayApiResourceTypes.TypeMap,
        new Dictionary<Type, string>
        {
            [typeof(Resources.HttpRoute)] = Resources.HttpRoute.KubeGroup + "/" + Resources.HttpRoute.KubeApiVersion,
            [typeof(Resources.GrpcRoute)] = Resources.GrpcRoute.KubeGroup + "/" + Resources.GrpcRoute.KubeApiVersion,
            [typeof(Resources.TcpRoute)] = Resources.TcpRoute.KubeGroup + "/" + Resources.TcpRoute.KubeApiVersion,
        },
        new HashSet<string>(StringComparer.Ordinal) { Resources.GatewayApiResourceTypes.Group },
        "a Gateway API route this provider reads",
        VersionNotes: new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [$"{Resources.TcpRoute.KubeGroup}/{Resources.TcpRoute.KubeApiVersionV1Alpha2}/{Resources.TcpRoute.KubeKind}"] =
                $"{Resources.TcpRoute.KubeGroup}/{Resources.TcpRoute.KubeApiVersionV1Alpha2} is the experimental version of TCPRoute, which the standard-channel CRDs no longer serve; it was read as {Resources.TcpRoute.KubeGroup}/{Resources.TcpRoute.KubeApiVersion} (the same fields).",
        });
}
