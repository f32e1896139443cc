namespace Mesh.Compliance.BuiltIn;

/// <summary>The built-in pack, in the order its rules are checked.</summary>
internal static class BuiltInCatalog
{
    public static IReadOnlyList<BuiltInCheck> All { get; } =
    [
        new MtlsStrict(),
        new MtlsNoWidePermissive(),
        new RouteTimeout(),
        new RetryBounded(),
        new RetriedOutlierDetection(),
        new ExternalHosts(),
        new AccessPolicyRequired(),
        new AccessNoAllowAll(),
        new MirrorNotExternal(),
    ];

    public static BuiltInCheck? Find(string id) => All.FirstOrDefault(c => c.Id == id);
}
