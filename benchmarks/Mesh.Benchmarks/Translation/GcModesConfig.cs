using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace Mesh.Benchmarks.Translation;

/// <summary>
/// The default workstation GC (concurrent) and the same without background collections, side by side: a translation
/// keeps its whole result alive while it builds it, so at 1,000 services most of the time beyond the work itself is the
/// collector copying and marking that result, and how much depends on the GC mode (and, with two cores, on whether a
/// background collection competes with the translation).
/// </summary>
public sealed class GcModesConfig : ManualConfig
{
    /// <summary>Two jobs, 1 launch / 3 warm-ups / 5 iterations each.</summary>
    public GcModesConfig()
    {
        var job = Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(5);
        AddJob(job.WithGcConcurrent(true).WithId("ConcurrentGC"));
        AddJob(job.WithGcConcurrent(false).WithId("NonConcurrentGC"));
    }
}
