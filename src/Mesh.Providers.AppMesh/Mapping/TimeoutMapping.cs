using Mesh.Providers.AppMesh.Resources;
using Mesh.Providers.AppMesh.Translation;

namespace Mesh.Providers.AppMesh.Mapping;

/// <summary>A rule's timeout → the route's <c>timeout.perRequest</c> (<c>{value, unit}</c>; sub-millisecond parts rounded and reported).</summary>
internal static partial class TimeoutMapping
{
    public static RouteTimeout? ToAppMesh(TimeSpan? timeout, string path, AppMeshExportContext ctx)
    {
        if (timeout is not { } value) return null;
        var (duration, rounded) = DurationMapping.ToAppMesh(value);
        if (rounded) ctx.ApproximatedOnce(path, "App Mesh durations are whole seconds or milliseconds: the timeout is rounded to the millisecond.");
        return new RouteTimeout { PerRequest = duration };
    }
}
