using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Serialization;

namespace Mesh.Abstractions.Tests.Serialization;

/// <summary>The YAML form of a destination's <c>rateLimit</c>: keys, defaults left implicit, and bad values at their paths.</summary>
public sealed class RateLimitYamlTests
{
    private const string Head = """
        kind: Mesh
        metadata: { name: m }
        spec:
          services: [{ name: reviews, namespace: bookinfo, ports: [{ port: 9080, protocol: http }] }]
          destinationPolicies:
            - target: { service: reviews.bookinfo }

        """;

    [Fact]
    public void RateLimit_IsRead_WithRoutesInOrder()
    {
        var result = MeshYaml.Read(Head + """
                  rateLimit:
                    requests: 100
                    interval: 2s
                    burst: 150
                    status: 503
                    routes:
                      - { path: { exact: /login }, requests: 5, interval: 1m, burst: 10 }
                      - { path: { prefix: /api }, requests: 20 }
            """, "m.yaml");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(new LocalRateLimit
        {
            Requests = 100,
            Interval = TimeSpan.FromSeconds(2),
            Burst = 150,
            Status = 503,
            Routes =
            [
                new RouteRateLimit { Path = PathMatch.Exact("/login"), Requests = 5, Interval = TimeSpan.FromMinutes(1), Burst = 10 },
                new RouteRateLimit { Path = PathMatch.Prefix("/api"), Requests = 20 },
            ],
        }, result.Config!.DestinationPolicies[0].RateLimit);
    }

    [Fact]
    public void Defaults_AreLeftImplicitByNormalize_AndWrittenSo()
    {
        var config = MeshYaml.Read(Head + """
                  rateLimit: { requests: 10, interval: 1s, burst: 10, status: 429, routes: [{ path: { prefix: /a }, requests: 2, interval: 1000ms, burst: 2 }] }
            """).Config!.Normalize();

        Assert.Equal(new LocalRateLimit { Requests = 10, Routes = [new RouteRateLimit { Path = PathMatch.Prefix("/a"), Requests = 2 }] }, config.DestinationPolicies[0].RateLimit);
        Assert.Contains("rateLimit:", MeshYaml.Write(config), StringComparison.Ordinal);
        Assert.DoesNotContain("interval", MeshYaml.Write(config), StringComparison.Ordinal);
    }

    [Fact]
    public void BadValues_AreDiagnosticsAtTheirPaths()
    {
        var result = MeshYaml.Read(Head + """
                  rateLimit: { requests: many, interval: soon, routes: [{ path: { exact: /a, prefix: /b }, requests: 1 }, { requests: 2 }], unknown: 1 }
            """, "m.yaml");

        var found = result.Diagnostics.Select(d => (d.Code, d.Path)).ToHashSet();
        Assert.Contains((DiagnosticCodes.WrongType, "$.spec.destinationPolicies[0].rateLimit.requests"), found);
        Assert.Contains((DiagnosticCodes.InvalidFormat, "$.spec.destinationPolicies[0].rateLimit.interval"), found);
        Assert.Contains((DiagnosticCodes.ConflictingForms, "$.spec.destinationPolicies[0].rateLimit.routes[0].path.prefix"), found);
        Assert.Contains((DiagnosticCodes.MissingRequired, "$.spec.destinationPolicies[0].rateLimit.routes[1].path"), found);
        Assert.Contains((DiagnosticCodes.UnknownKey, "$.spec.destinationPolicies[0].rateLimit.unknown"), found);
        Assert.All(result.Diagnostics, d => Assert.NotNull(d.Location));
    }
}
