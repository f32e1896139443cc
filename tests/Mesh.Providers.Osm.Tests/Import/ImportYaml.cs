using Mesh.Diagnostics;
using Mesh.Translation;

namespace Mesh.Providers.Osm.Tests.Import;

/// <summary>Import helpers and the bookstore input pieces (OSM's demo: bookstore v1/v2 behind a TrafficSplit, bookbuyer calling it).</summary>
internal static class ImportYaml
{
    public static ImportResult Read(string yaml) => new OsmTranslator().ImportYaml(yaml, "x.yaml");

    /// <summary>Reads <paramref name="yaml"/> and checks that it imports without an error.</summary>
    public static ImportResult ReadValid(string yaml)
    {
        var result = Read(yaml);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return result;
    }

    public static Diagnostic At(ImportResult result, string path) =>
        Assert.Single(result.Diagnostics, d => d.Path == "x.yaml" + path);

    public static string Service(string name, string ns, string selector, int port = 14001, string appProtocol = "http") => $$"""
        apiVersion: v1
        kind: Service
        metadata: { name: {{name}}, namespace: {{ns}} }
        spec:
          selector: { {{selector}} }
          ports: [{ name: p{{port}}, port: {{port}}, appProtocol: {{appProtocol}} }]
        ---

        """;

    public static string Bookstore =>
        Service("bookstore", "bookstore", "app: bookstore")
        + Service("bookstore-v1", "bookstore", "app: bookstore, version: v1")
        + Service("bookstore-v2", "bookstore", "app: bookstore, version: v2")
        + Service("bookbuyer", "bookbuyer", "app: bookbuyer");

    public static string Split(string name, string service, string backends, string ns = "bookstore", string annotations = "") => $$"""
        apiVersion: split.smi-spec.io/v1alpha2
        kind: TrafficSplit
        metadata: { name: {{name}}, namespace: {{ns}}{{annotations}} }
        spec:
          service: {{service}}
          backends: {{backends}}
        ---

        """;
}
