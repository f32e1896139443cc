using System.Diagnostics;
using CsCheck;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Endpoint.V3;
using Envoy.Config.Listener.V3;
using Envoy.Config.Route.V3;
using Google.Protobuf;
using Mesh.Model;
using Mesh.Serialization;
using Mesh.Testing;
using Mesh.Validation;

namespace Mesh.Xds.Tests.Robustness;

/// <summary>
/// In-process fuzzing of the xDS entry points: the encoder on every shape the shared generators make (every model feature,
/// for sidecars with and without a locality and for proxyless clients) always answers and every response decodes with the
/// oracle types; mutated models and endpoint files never make it throw or hang, and an input with an error gives no
/// snapshot. <c>MESH_SOAK</c> scales the case counts.
/// </summary>
public sealed class XdsFuzzTests
{
    private static readonly long Scale = long.TryParse(Environment.GetEnvironmentVariable("MESH_SOAK"), out var f) && f > 0 ? f : 1;

    private static readonly XdsProxy[] Proxies =
    [
        XdsProxy.Sidecar("sidecar-a", "bookinfo"),
        XdsProxy.Sidecar("sidecar-b", "shop") with { Locality = new EndpointLocality("us-east", "zone1") },
        XdsProxy.ProxylessGrpc("grpc-a", "bookinfo"),
    ];

    private static readonly string SampleModel = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "samples", "bookinfo.mesh.yaml"));
    private static readonly string SampleEndpoints = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "samples", "bookinfo.endpoints.yaml"));

    /// <summary>One address per service port, spread over the generators' regions and zones.</summary>
    private static EndpointSnapshot EndpointsFor(MeshConfig config)
    {
        string[] regions = ["us-east", "us-west", "eu-central"];
        var services = new List<ServiceEndpoints>();
        var n = 0;
        foreach (var service in config.Services)
        {
            foreach (var port in service.Ports)
            {
                var k = n++;
                services.Add(new ServiceEndpoints
                {
                    Service = service.Reference,
                    Port = port.Port,
                    Addresses =
                    [
                        new EndpointAddress { Address = $"10.{k / 250 % 250}.{k % 250}.1", Locality = new EndpointLocality(regions[k % 3], "zone1") },
                        new EndpointAddress { Address = $"10.{k / 250 % 250}.{k % 250}.2", Locality = new EndpointLocality(regions[(k + 1) % 3], "zone2"), Labels = new Dictionary<string, string> { ["version"] = "v1" } },
                    ],
                });
            }
        }
        return new EndpointSnapshot { Services = [.. services] };
    }

    private static void Decodes(XdsSnapshot snapshot)
    {
        foreach (var type in Enum.GetValues<XdsResourceType>())
        {
            var response = Envoy.Service.Discovery.V3.DiscoveryResponse.Parser.ParseFrom(snapshot.ToDiscoveryResponse(type, "n"));
            MessageParser parser = type switch
            {
                XdsResourceType.Listener => Listener.Parser,
                XdsResourceType.RouteConfiguration => RouteConfiguration.Parser,
                XdsResourceType.Cluster => Cluster.Parser,
                _ => ClusterLoadAssignment.Parser,
            };
            foreach (var any in response.Resources)
            {
                var message = parser.ParseFrom(any.Value);
                // Every field is one the oracle protos know: nothing the encoder wrote is left unparsed.
                Assert.Equal(any.Value.Length, message.CalculateSize());
            }
        }
    }

    [Fact]
    public void GeneratedModels_EncodeForEveryProxy_AndEveryResponseDecodes() =>
        MeshGenerators.Config
            .Where(config => !MeshValidator.Validate(config).Any(d => d.IsError))
            .Sample(config =>
            {
                var endpoints = EndpointsFor(config);
                foreach (var proxy in Proxies)
                {
                    var result = new XdsEncoder().Build(config, endpoints, proxy);
                    Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics.Where(d => d.IsError)) + "\n" + MeshYaml.Write(config));
                    Decodes(result.Snapshot!);
                }
            }, iter: 200 * Scale);

    [Fact]
    public void MutatedModels_NeverThrow_AndAModelWithErrorsGivesNoSnapshot() =>
        MeshGenerators.Config
            .SelectMany(model => Mutations.Of([("model.yaml", MeshYaml.Write(model)), ("bookinfo.mesh.yaml", SampleModel)]))
            .Sample(mutation =>
            {
                var watch = Stopwatch.StartNew();
                var read = MeshYaml.Read(mutation.Text, "mutated.yaml");
                if (read.Config is not { } config) return;
                var endpoints = EndpointsFor(config);
                var validation = MeshValidator.Validate(config);
                var invalid = validation.Any(d => d.IsError);
                // The one thing the encoder refuses that validation only warns about: a backend whose port it cannot pick.
                var warnedPorts = validation.Where(d => d.Code == Mesh.Diagnostics.DiagnosticCodes.DanglingPort && !d.IsError).Select(d => d.Path).ToHashSet();
                foreach (var proxy in Proxies)
                {
                    var result = new XdsEncoder().Build(config, endpoints, proxy);
                    var consistent = invalid ? result.HasErrors : result.Diagnostics.Where(d => d.IsError).All(d => warnedPorts.Contains(d.Path));
                    Assert.True(consistent, $"{mutation.What}: validation {(invalid ? "rejects" : "accepts")} the model, the encoder {(result.HasErrors ? "rejects" : "accepts")} it:\n{string.Join("\n", result.Diagnostics.Where(d => d.IsError))}\n{MeshYaml.Write(config)}");
                    if (result.HasErrors) Assert.Null(result.Snapshot);
                    else Decodes(result.Snapshot!);
                }
                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"{mutation.What}: took {watch.Elapsed}");
            }, iter: 500 * Scale, print: m => m.What);

    [Fact]
    public void MutatedEndpointFiles_NeverThrow_AndAReadWithAnErrorGivesNoSnapshot()
    {
        var model = MeshYaml.Read(SampleModel, "bookinfo.mesh.yaml").Config!;
        Mutations.Of([("bookinfo.endpoints.yaml", SampleEndpoints)]).Sample(mutation =>
        {
            var watch = Stopwatch.StartNew();
            var read = EndpointsYaml.Read(mutation.Text, "mutated.endpoints.yaml");
            Assert.True(!read.HasErrors || read.Snapshot is null, $"{mutation.What}: a snapshot with errors");
            if (read.Snapshot is { } snapshot)
            {
                var result = new XdsEncoder().Build(model, snapshot, Proxies[1]);
                if (result.Snapshot is { } xds) Decodes(xds);
            }
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"{mutation.What}: took {watch.Elapsed}");
        }, iter: 1500 * Scale, print: m => m.What);
    }
}
