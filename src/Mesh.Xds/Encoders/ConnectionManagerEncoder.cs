using Mesh.Xds.EnvoyApi;
using Mesh.Xds.Planning;
using Mesh.Xds.Wire;

namespace Mesh.Xds.Encoders;

/// <summary>
/// The HttpConnectionManager of every listener that takes its routes over RDS — a sidecar's outbound port, a proxyless
/// client's <c>api_listener</c> and a gateway's HTTP and HTTPS filter chains — written in one place: the stat prefix, RDS
/// from ADS, the HTTP filters (<see cref="HttpFilters"/>) and the telemetry. A filter that every such listener runs is
/// added to <see cref="HttpFilters"/>, in its place before the router.
/// </summary>
internal static class ConnectionManagerEncoder
{
    /// <summary>The content of an <c>HttpConnectionManager</c> taking route configuration <paramref name="routeConfigName"/> over RDS.</summary>
    public static void Rds<TSink>(ref TSink s, string statPrefix, string routeConfigName, bool fault, TelemetryPlan? telemetry) where TSink : IProtoSink, allows ref struct
    {
        s.String(HttpConnectionManagerFields.StatPrefix, statPrefix);
        s.Begin(HttpConnectionManagerFields.Rds);
        Fields.AdsConfigSource(ref s, RdsFields.ConfigSource);
        s.String(RdsFields.RouteConfigName, routeConfigName);
        s.End();
        HttpFilters(ref s, fault);
        TelemetryEncoder.Write(ref s, telemetry);
    }

    /// <summary>The <c>http_filters</c>, in order: the fault filter (when a route injects faults), then the router, always last.</summary>
    public static void HttpFilters<TSink>(ref TSink s, bool fault) where TSink : IProtoSink, allows ref struct
    {
        if (fault)
        {
            s.Begin(HttpConnectionManagerFields.HttpFilters);
            s.Utf8(HttpFilterFields.Name, "envoy.filters.http.fault"u8);
            Fields.EmptyAny(ref s, HttpFilterFields.TypedConfig, TypeUrlBytes.HttpFault);
            s.End();
        }
        Router(ref s);
    }

    /// <summary>The router filter, which ends every filter list.</summary>
    public static void Router<TSink>(ref TSink s) where TSink : IProtoSink, allows ref struct
    {
        s.Begin(HttpConnectionManagerFields.HttpFilters);
        s.Utf8(HttpFilterFields.Name, "envoy.filters.http.router"u8);
        Fields.EmptyAny(ref s, HttpFilterFields.TypedConfig, TypeUrlBytes.Router);
        s.End();
    }
}
