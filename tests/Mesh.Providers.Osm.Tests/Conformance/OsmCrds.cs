namespace Mesh.Providers.Osm.Tests.Conformance;

/// <summary>The upstream OSM v1.2.4 CRD files, relative to <c>../shared/conformance</c>.</summary>
internal static class OsmCrds
{
    /// <summary>Every CRD the translator writes or reads (the MeshRootCertificate is neither).</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        .. new[]
        {
            "smi_traffic_split", "smi_http_route_group", "smi_tcp_route", "smi_traffic_access",
            "policy_upstream_traffic_setting", "policy_retry", "policy_egress", "policy_ingress_backend", "config_meshconfig",
        }.Select(name => $"crds/osm/{name}.yaml"),
    ];
}
