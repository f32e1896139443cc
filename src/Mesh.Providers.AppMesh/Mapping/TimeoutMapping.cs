using Mesh.Kubernetes;
using Mesh.Providers.AppMesh.Resources;
using Mesh.Providers.AppMesh.Translation;

namespace Mesh.Providers.AppMesh.Mapping;

/// <summary>A rule's timeout → the route's <c>timeout.perRequest</c> (<c>{value, unit}</c>; sub-millisecond parts rounded and reported).</summary>
internal static partial class TimeoutMapping
{
    // Model → App Mesh.
    public static RouteTimeout? ToAppMesh(TimeSpan? timeout, string path, AppMeshExportContext ctx)
    {
        if (timeout is not { } value) return null;
        var (duration, rounded) = DurationMapping.ToAppMesh(value);
        if (rounded) ctx.ApproximatedOnce(path, "App Mesh durations are whole seconds or milliseconds: the timeout is rounded to the millisecond.");
        return new RouteTimeout { PerRequest = duration };
    }

    // App Mesh → model.
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
