using System.Text;
using Mesh.Builders;
using Mesh.DependencyInjection;
using Mesh.Model;
using Mesh.Providers.AppMesh;
using Mesh.Providers.Consul;
using Mesh.Providers.GatewayApi;
using Mesh.Providers.Istio;
using Mesh.Providers.Linkerd;
using Mesh.Providers.Osm;
using Mesh.Serialization;
using Mesh.Translation;
using Mesh.Xds;
using Microsoft.Extensions.DependencyInjection;

// Everything a consumer app does with the SDK, printed deterministically: a trimmed or native AOT build must print the same
// bytes as `dotnet run` (Mesh.Cli.Tests compares them). Exit code 1 when any step fails or prints nothing.
var services = new ServiceCollection();
services.AddMeshSdk()
    .AddIstio(new IstioOptions { ServiceOutput = ServiceOutput.All })
    .AddGatewayApi(new GatewayApiOptions { ServiceOutput = ServiceOutput.All })
    .AddLinkerd(new LinkerdOptions { ServiceOutput = ServiceOutput.All })
    .AddAppMesh(new AppMeshOptions { ServiceOutput = ServiceOutput.All })
    .AddOsm(new OsmOptions { ServiceOutput = ServiceOutput.All })
    .AddConsul(new ConsulOptions { ServiceOutput = ServiceOutput.All });
using var provider = services.BuildServiceProvider();
var registry = provider.GetRequiredService<ITranslatorRegistry>();

var codeFirst = MeshBuilder.Create("reviews-canary")
    .Service("reviews.bookinfo", s => s
        .Port(9080, Protocol.Http, "http")
        .Subset("v1", "version", "v1")
        .Subset("v2", "version", "v2"))
    .Route("reviews.bookinfo", r => r.Rule(rule => rule
        .To("reviews.bookinfo", "v1", weight: 90)
        .To("reviews.bookinfo", "v2", weight: 10)
        .Timeout(TimeSpan.FromSeconds(2))
        .Retry(3, TimeSpan.FromMilliseconds(500), RetryCondition.ServerError, RetryCondition.ConnectFailure)))
    .DestinationPolicy("reviews.bookinfo", p => p
        .LoadBalancer(LoadBalancer.LeastRequest)
        .OutlierDetection(new OutlierDetection { Consecutive5xx = 5, Interval = TimeSpan.FromSeconds(10) }))
    .Mtls(MtlsScope.ForNamespace("bookinfo"), MtlsMode.Strict)
    .Build();
var sample = MeshYaml.Read(Resource("bookinfo.mesh.yaml"), "bookinfo.mesh.yaml");
var failed = sample.Config is null;
var output = new StringBuilder();
Diagnostics(output, sample.Diagnostics);

foreach (var model in new[] { codeFirst, sample.Config }.OfType<MeshConfig>())
{
    output.Append("# model ").Append(model.Name).Append('\n').Append(MeshYaml.Write(model));
    foreach (var name in registry.Providers.OrderBy(p => p.Value, StringComparer.Ordinal))
    {
        var translator = registry.Get(name);
        var translated = translator.Translate(model);
        output.Append("# ").Append(model.Name).Append(" -> ").Append(name.Value).Append('\n');
        Diagnostics(output, translated.Diagnostics);
        var yaml = translator.WriteYaml(translated.Resources);
        failed |= translated.Resources.Count == 0 || yaml.Length == 0;
        output.Append(yaml);
        var imported = translator.ImportYaml([new SourceText($"{model.Name}.{name.Value}.yaml", yaml)]);
        output.Append("# ").Append(model.Name).Append(" -> ").Append(name.Value).Append(" -> model\n");
        Diagnostics(output, imported.Diagnostics);
        failed |= imported.Config is null;
        if (imported.Config is not null) output.Append(MeshYaml.Write(imported.Config));
    }
}

if (sample.Config is not null)
{
    var endpoints = EndpointsYaml.Read(Resource("bookinfo.endpoints.yaml"), "bookinfo.endpoints.yaml");
    Diagnostics(output, endpoints.Diagnostics);
    var encoder = new XdsEncoder();
    var compiled = encoder.Compile(sample.Config, XdsProxy.Sidecar("sidecar~productpage", "bookinfo", new ServiceRef("productpage", "bookinfo")));
    var encoded = endpoints.Snapshot is null ? null : encoder.Encode(compiled, endpoints.Snapshot);
    output.Append("# ").Append(sample.Config.Name).Append(" -> xds\n");
    Diagnostics(output, encoded?.Diagnostics ?? compiled.Diagnostics);
    failed |= encoded?.Snapshot is null;
    if (encoded?.Snapshot is { } snapshot) output.Append(snapshot.ToJson()).Append('\n');
}

using var stdout = Console.OpenStandardOutput();
stdout.Write(Encoding.UTF8.GetBytes(output.ToString()));
return failed || output.Length == 0 ? 1 : 0;

static void Diagnostics(StringBuilder output, IEnumerable<Mesh.Diagnostics.Diagnostic> diagnostics)
{
    foreach (var diagnostic in diagnostics) output.Append("# ! ").Append(diagnostic.ToString().ReplaceLineEndings(" ")).Append('\n');
}

static string Resource(string name)
{
    using var stream = typeof(Program).Assembly.GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"The embedded resource '{name}' is missing.");
    using var reader = new StreamReader(stream, Encoding.UTF8);
    return reader.ReadToEnd();
}
