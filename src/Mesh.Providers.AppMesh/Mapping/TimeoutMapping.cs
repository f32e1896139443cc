using Mesh.Kubernetes;
using Mesh.Providers.AppMesh.Resources;

namespace Mesh.Providers.AppMesh.Mapping;

/// <summary>A route's <c>timeout</c>: <c>perRequest</c> → the rule's timeout; <c>idle</c> (a connection setting) is reported.</summary>
internal static partial class TimeoutMapping
{
    public static TimeSpan? ToModel(RouteTimeout? timeout, string source, string path, ImportContext ctx)
    {
        if (timeout is null) return null;
        if (timeout.Idle is not null) ctx.NotImported(source, path + ".idle", "Idle timeouts are not part of the model.");
        var perRequest = DurationMapping.ToModel(timeout.PerRequest, source, path + ".perRequest", ctx);
        if (perRequest == TimeSpan.Zero)
        {
            ctx.NotImported(source, path + ".perRequest", "A zero request timeout disables the timeout in Envoy; the rule was read without one.");
            return null;
        }
        return perRequest;
    }

    /// <summary>A TCP route's timeout: only <c>idle</c>, which is reported.</summary>
    public static void Report(TcpTimeout? timeout, string source, string path, ImportContext ctx)
    {
        if (timeout is not null) ctx.NotImported(source, path, "Idle timeouts are not part of the model.");
    }
}
