using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Providers.AppMesh.Mapping;
using static Mesh.Providers.AppMesh.Tests.Export.Models;

namespace Mesh.Providers.AppMesh.Tests.Export;

/// <summary>Weights (0–100, reduced, rescaled with MESH2103) and <c>{value, unit}</c> durations.</summary>
public sealed class ValueMappingTests
{
    [Theory]
    [InlineData(new[] { 1, 2 }, new[] { 1, 2 }, false)]
    [InlineData(new[] { 90, 10 }, new[] { 90, 10 }, false)]
    [InlineData(new[] { 150, 50 }, new[] { 3, 1 }, false)]
    [InlineData(new[] { 333, 667, 1000 }, new[] { 17, 33, 50 }, true)]
    public void Weights_AreKept_Reduced_OrRounded(int[] weights, int[] expected, bool rounded)
    {
        var (scaled, wasRounded) = Weights.Scale(weights);
        Assert.Equal(expected, scaled);
        Assert.Equal(rounded, wasRounded);
    }

    [Fact]
    public void RoundedWeights_AreReportedAtTheBackends()
    {
        var export = new Exported(Routed(Rule(To(Reviews, "v1", 333), To(Reviews, "v2", 667), To(Reviews, "v3", 1000))));
        Assert.Equal([17, 33, 50], export.Router("reviews").Spec.Routes![0].HttpRoute!.Action!.WeightedTargets!.Select(t => t.Weight!.Value));
        Assert.Contains("333:667:1000 is written as 17:33:50", export.At(DiagnosticCodes.WeightsRounded, "$.spec.routes[0].rules[0].backends").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReducibleWeights_AreNotReportedAsRounded()
    {
        var export = new Exported(Routed(Rule(To(Reviews, "v1", 150), To(Reviews, "v2", 50))));
        Assert.Equal([3, 1], export.Router("reviews").Spec.Routes![0].HttpRoute!.Action!.WeightedTargets!.Select(t => t.Weight!.Value));
        Assert.DoesNotContain(export.Diagnostics, d => d.Code == DiagnosticCodes.WeightsRounded);
    }

    [Theory]
    [InlineData(2000, 2, "s", false)]
    [InlineData(1500, 1500, "ms", false)]
    [InlineData(60000, 60, "s", false)]
    public void Durations_AreWholeSecondsOrMilliseconds(int milliseconds, long value, string unit, bool rounded)
    {
        var (duration, wasRounded) = DurationMapping.ToAppMesh(TimeSpan.FromMilliseconds(milliseconds));
        Assert.Equal((value, unit, rounded), (duration.Value!.Value, duration.Unit!, wasRounded));
    }

    [Fact]
    public void SubMillisecondTimeout_IsRoundedAndApproximated()
    {
        var export = new Exported(Routed(Rule(To(Reviews, "v1")) with { Timeout = TimeSpan.FromTicks(15_005) }));
        var timeout = export.Router("reviews").Spec.Routes![0].HttpRoute!.Timeout!.PerRequest!;
        Assert.Equal((2L, "ms"), (timeout.Value!.Value, timeout.Unit!));
        export.At(DiagnosticCodes.Approximated, "$.spec.routes[0].rules[0].timeout");
    }

    [Fact]
    public void RuleTimeout_IsThePerRequestTimeout()
    {
        var export = new Exported(Routed(Rule(To(Reviews, "v1")) with { Timeout = TimeSpan.FromSeconds(2) }));
        var timeout = export.Router("reviews").Spec.Routes![0].HttpRoute!.Timeout!.PerRequest!;
        Assert.Equal((2L, "s"), (timeout.Value!.Value, timeout.Unit!));
    }
}
