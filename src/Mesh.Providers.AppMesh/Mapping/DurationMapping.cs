using Mesh.Kubernetes;
using Mesh.Providers.AppMesh.Resources;

namespace Mesh.Providers.AppMesh.Mapping;

/// <summary>App Mesh durations, <c>{value, unit: s|ms}</c>, both ways: whole seconds as <c>s</c>, anything else in milliseconds.</summary>
internal static class DurationMapping
{
    /// <summary>The duration written for <paramref name="value"/>, and whether it had to be rounded to whole milliseconds.</summary>
    public static (AppMeshDuration Duration, bool Rounded) ToAppMesh(TimeSpan value)
    {
        var ticks = Math.Max(0, value.Ticks);
        if (ticks % TimeSpan.TicksPerSecond == 0) return (new AppMeshDuration { Value = ticks / TimeSpan.TicksPerSecond, Unit = "s" }, false);
        var ms = (long)Math.Round(ticks / (double)TimeSpan.TicksPerMillisecond, MidpointRounding.AwayFromZero);
        return (new AppMeshDuration { Value = ms, Unit = "ms" }, ticks % TimeSpan.TicksPerMillisecond != 0);
    }

    /// <summary>
    /// The duration <paramref name="duration"/> stands for; a missing or negative value or an unknown unit is reported as
    /// invalid at <paramref name="path"/> and gives null.
    /// </summary>
    public static TimeSpan? ToModel(AppMeshDuration? duration, string source, string path, ImportContext ctx)
    {
        if (duration is null) return null;
        if (duration.Value is not { } value || value < 0)
        {
            ctx.Invalid(source, path + ".value", "A duration needs a non-negative whole value.");
            return null;
        }
        switch (duration.Unit)
        {
            case "s" when value <= TimeSpan.MaxValue.Ticks / TimeSpan.TicksPerSecond:
                return TimeSpan.FromSeconds(value);
            case "ms" when value <= TimeSpan.MaxValue.Ticks / TimeSpan.TicksPerMillisecond:
                return TimeSpan.FromMilliseconds(value);
            case "s" or "ms":
                ctx.Invalid(source, path + ".value", $"The duration {value}{duration.Unit} is too long.");
                return null;
            default:
                ctx.Invalid(source, path + ".unit", $"Unknown duration unit '{duration.Unit}' (App Mesh takes s or ms).");
                return null;
        }
    }
}
