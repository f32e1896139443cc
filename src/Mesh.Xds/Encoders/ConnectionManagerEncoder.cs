using Mesh.Xds.EnvoyApi;
using Mesh.Xds.Planning;
using Mesh.Xds.Wire;

namespace Mesh.Xds.Encoders;

/// <summary>
/// Every HttpConnectionManager's HTTP filter list in one place: <see cref="HttpFilters"/> for the listeners that take
/// their routes over RDS — a sidecar's outbound port, a proxyless client's <c>api_listener</c> and a gateway's HTTP and
/// HTTPS filter chains, whose whole manager <see cref="Rds"/> writes (stat prefix, RDS from ADS, filters, telemetry) — and
/// <see cref="InboundHttpFilters"/> for the sidecar's inbound ports. A new HTTP filter is added here, in its place before
/// the router.
/// </summary>
internal static class ConnectionManagerEncoder
{
    /// <summary>The content of an <c>HttpConnectionManager</c> taking route configuration <paramref name="routeConfigName"/> over RDS.</summary>
    public static void Rds<TSink>(ref TSink s, string statPrefix, string routeConfigName, bool fault, TelemetryPlan? telemetry, JwtPlan? jwt = null) where TSink : IProtoSink, allows ref struct
    {
        s.String(HttpConnectionManagerFields.StatPrefix, statPrefix);
        s.Begin(HttpConnectionManagerFields.Rds);
        Fields.AdsConfigSource(ref s, RdsFields.ConfigSource);
        s.String(RdsFields.RouteConfigName, routeConfigName);
        s.End();
        HttpFilters(ref s, fault, jwt);
        TelemetryEncoder.Write(ref s, telemetry);
    }

    /// <summary>The <c>http_filters</c>, in order: <c>jwt_authn</c> (at a gateway whose request authentications apply), the fault filter (when a route injects faults), then the router, always last.</summary>
    public static void HttpFilters<TSink>(ref TSink s, bool fault, JwtPlan? jwt = null) where TSink : IProtoSink, allows ref struct
    {
        if (jwt is not null) JwtAuthnEncoder.Write(ref s, jwt);
        if (fault)
        {
            s.Begin(HttpConnectionManagerFields.HttpFilters);
            s.Utf8(HttpFilterFields.Name, "envoy.filters.http.fault"u8);
            Fields.EmptyAny(ref s, HttpFilterFields.TypedConfig, TypeUrlBytes.HttpFault);
            s.End();
        }
        Router(ref s);
    }

    /// <summary>
    /// The <c>http_filters</c> of an inbound port's HttpConnectionManager, in order: <c>jwt_authn</c> (when request
    /// authentications apply: RBAC reads the payload it verified), RBAC audit (Envoy's LOG action, which
    /// allows everything and marks what matches for the access log), deny, allow; the local rate limit after RBAC, so that
    /// denied requests spend no tokens; the router, last.
    /// </summary>
    public static void InboundHttpFilters<TSink>(ref TSink s, InboundPlan inbound, InboundPortPlan port) where TSink : IProtoSink, allows ref struct
    {
        if (inbound.Jwt is { } jwt) JwtAuthnEncoder.Write(ref s, jwt);
        if (inbound.Audit.Length > 0) InboundListenerEncoder.Rbac(ref s, inbound.Audit, RbacAction.Log);
        if (inbound.HasDeny) InboundListenerEncoder.Rbac(ref s, inbound.Deny, RbacAction.Deny);
        if (inbound.HasAllow) InboundListenerEncoder.Rbac(ref s, inbound.Allow, RbacAction.Allow);
        if (port.RateLimited)
        {
            s.Begin(HttpConnectionManagerFields.HttpFilters);
            s.Utf8(HttpFilterFields.Name, LocalRateLimitEncoder.FilterName);
            Fields.BeginAny(ref s, HttpFilterFields.TypedConfig, TypeUrlBytes.LocalRateLimit);
            LocalRateLimitEncoder.Write(ref s, port.RateLimit);
            Fields.EndAny(ref s);
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
