using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace Mesh.Xds.Tests.EnvoyApi;

/// <summary>The messages and enums of the oracle protos (and the well-known types they use), by full proto name.</summary>
internal static class OracleDescriptors
{
    private static readonly FileDescriptor[] Files =
    [
        Envoy.Config.Cluster.V3.ClusterReflection.Descriptor,
        Envoy.Config.Core.V3.CoreReflection.Descriptor,
        Envoy.Service.Discovery.V3.DiscoveryReflection.Descriptor,
        Envoy.Config.Endpoint.V3.EndpointReflection.Descriptor,
        Envoy.Type.V3.EnvoyTypeReflection.Descriptor,
        Envoy.Extensions.Filters.Http.Fault.V3.FaultReflection.Descriptor,
        Envoy.Extensions.Filters.Http.LocalRatelimit.V3.LocalRatelimitReflection.Descriptor,
        Envoy.Type.V3.TokenBucketReflection.Descriptor,
        Envoy.Type.V3.HttpStatusReflection.Descriptor,
        Envoy.Extensions.Filters.Common.Fault.V3.FaultCommonReflection.Descriptor,
        Envoy.Extensions.Filters.Network.HttpConnectionManager.V3.HcmReflection.Descriptor,
        Envoy.Config.Listener.V3.ListenerReflection.Descriptor,
        Envoy.Extensions.Filters.Network.TcpProxy.V3.TcpProxyReflection.Descriptor,
        Envoy.Extensions.Filters.Listener.TlsInspector.V3.TlsInspectorReflection.Descriptor,
        Envoy.Extensions.Filters.Listener.OriginalDst.V3.OriginalDstReflection.Descriptor,
        Envoy.Type.Matcher.V3.MatcherReflection.Descriptor,
        Envoy.Config.Rbac.V3.RbacReflection.Descriptor,
        Envoy.Extensions.Filters.Http.Rbac.V3.RbacFilterReflection.Descriptor,
        Envoy.Extensions.Filters.Http.JwtAuthn.V3.JwtAuthnReflection.Descriptor,
        Envoy.Config.Route.V3.RouteReflection.Descriptor,
        Envoy.Extensions.Filters.Http.Router.V3.RouterReflection.Descriptor,
        Envoy.Extensions.TransportSockets.Tls.V3.TlsReflection.Descriptor,
        Envoy.Extensions.Upstreams.Http.V3.UpstreamHttpReflection.Descriptor,
        Envoy.Type.Tracing.V3.TracingReflection.Descriptor,
        Envoy.Config.Accesslog.V3.AccesslogReflection.Descriptor,
        Envoy.Extensions.AccessLoggers.File.V3.FileAccessLogReflection.Descriptor,
        AnyReflection.Descriptor,
        EmptyReflection.Descriptor,
        DurationReflection.Descriptor,
        WrappersReflection.Descriptor,
    ];

    public static IReadOnlyDictionary<string, MessageDescriptor> Messages { get; } = Collect().Messages;

    public static IReadOnlyDictionary<string, EnumDescriptor> Enums { get; } = Collect().Enums;

    private static (Dictionary<string, MessageDescriptor> Messages, Dictionary<string, EnumDescriptor> Enums) Collect()
    {
        var messages = new Dictionary<string, MessageDescriptor>(StringComparer.Ordinal);
        var enums = new Dictionary<string, EnumDescriptor>(StringComparer.Ordinal);
        void Add(MessageDescriptor message)
        {
            messages[message.FullName] = message;
            foreach (var e in message.EnumTypes) enums[e.FullName] = e;
            foreach (var nested in message.NestedTypes) Add(nested);
        }
        foreach (var file in Files)
        {
            foreach (var message in file.MessageTypes) Add(message);
            foreach (var e in file.EnumTypes) enums[e.FullName] = e;
        }
        return (messages, enums);
    }
}
