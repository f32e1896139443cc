using Mesh.Collections;

namespace Mesh.Model;

/// <summary>Which requests are traced and what their spans carry.</summary>
public sealed record TracingSettings
{
    /// <summary>The percentage of requests traced, 0–100 (decimals allowed); null: inherited.</summary>
    public decimal? SamplingPercentage { get; init; }

    /// <summary>Tags added to every span, by name.</summary>
    public EquatableArray<TracingTag> CustomTags { get; init; }
}
