using CsCheck;
using Mesh.Diagnostics;
using Mesh.Model;
using GrpcRoute = Mesh.Providers.GatewayApi.Resources.GrpcRoute;

namespace Mesh.Providers.GatewayApi.Tests.Export;

/// <summary>
/// Routes of gRPC-only services (the shared generators rarely produce gRPC paths): written as GRPCRoutes (one parentRef per
/// port, named by sectionName when there are several), and read back to the same model through typed objects and YAML.
/// 300 cases.
/// </summary>
public sealed class GrpcRouteRoundTripTests
{
    private static readonly GatewayApiTranslator Translator = new();

    private static readonly Gen<PathMatch?> GrpcPath = Gen.OneOf(
        Gen.Select(Gen.OneOf("echo.Echo", "pkg.v1.Users", "Health"), Gen.OneOf("Say", "Get", "List_All"), (s, m) => (PathMatch?)PathMatch.Exact($"/{s}/{m}")),
        Gen.OneOf("echo.Echo", "pkg.v1.Users").Select(s => (PathMatch?)PathMatch.Prefix($"/{s}/")),
        Gen.Const((PathMatch?)null));

    private static readonly Gen<HttpMatch> Match = Gen.Select(
        GrpcPath,
        Gen.Select(Gen.OneOf("x-canary", "x-tenant"), Gen.OneOf("true", "a b", "1.0"), Gen.Bool, (n, v, regex) => regex ? ValueMatch.Regex(n, "^" + v.Replace(".", "\\.", StringComparison.Ordinal) + "$") : ValueMatch.Exact(n, v)).Array[0, 2],
        (path, headers) => new HttpMatch { Path = path, Headers = [.. headers.DistinctBy(h => h.Name)] });

    private static readonly Gen<MeshConfig> Models = Gen.Select(
        Gen.Int[1024, 65535].Array[1, 2],
        Gen.Select(Match.Array[0, 2], Gen.Select(Gen.OneOf("echo-v1", "echo-v2", "echo-v3"), Gen.Int[0, 1000], (n, w) => (n, w)).Array[1, 3], Gen.Bool, Gen.Int[0, 100],
            (matches, backends, mirror, percent) => new HttpRouteRule
            {
                Matches = [.. matches.Distinct()],
                Backends = [.. backends.DistinctBy(b => b.n).Select((b, i) => new WeightedBackend { Service = new ServiceRef(b.n, "grpc"), Port = 7070, Weight = b.w == 0 && i == 0 ? 1 : b.w })],
                Mirror = mirror ? new Mirror { Service = new ServiceRef("shadow", "grpc"), Port = 7070, Percentage = percent } : null,
                RequestHeaders = mirror ? new HeaderModifier { Set = new Dictionary<string, string> { ["x-route"] = "echo" } } : null,
            }).Array[1, 3],
        (ports, rules) => new MeshConfig
        {
            Name = "imported",
            Services =
            [
                new MeshService { Name = "echo", Namespace = "grpc", Ports = [.. ports.Distinct().Select(p => new ServicePort { Port = p, Protocol = Protocol.Grpc })] },
                // The backends, as an import reads them back from GRPCRoute backendRefs (their Services are not written).
                .. new[] { "echo-v1", "echo-v2", "echo-v3", "shadow" }
                    .Where(n => rules.Any(r => r.Backends.Any(b => b.Service.Name == n) || r.Mirror?.Service.Name == n))
                    .Select(n => new MeshService { Name = n, Namespace = "grpc", Ports = [new ServicePort { Port = 7070, Protocol = Protocol.Grpc }] }),
            ],
            Routes = [new HttpRoute { Name = "echo", Namespace = "grpc", Host = new ServiceRef("echo", "grpc"), Rules = [.. rules] }],
        });

    [Fact]
    public void GrpcOnlyRoutes_AreGrpcRoutes_AndRoundTrip() =>
        Models.Sample(model =>
        {
            var translated = Translator.Translate(model);
            Assert.Empty(translated.Diagnostics);
            Assert.IsType<GrpcRoute>(Assert.Single(translated.Resources));
            var typed = Translator.Import(translated.Resources);
            Assert.Equal(model.Normalize(), typed.Config);
            var yaml = Translator.ImportYaml(Translator.WriteYaml(translated.Resources), "grpc.yaml");
            // No Service is written, so the import declares each service from the route, saying so.
            Assert.All(yaml.Diagnostics, d => Assert.Equal((DiagnosticCodes.ServiceInferred, DiagnosticSeverity.Info), (d.Code, d.Severity)));
            Assert.Equal(model.Normalize(), yaml.Config);
        }, iter: 300);
}
