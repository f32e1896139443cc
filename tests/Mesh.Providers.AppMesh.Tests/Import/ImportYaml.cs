using Mesh.Diagnostics;
using Mesh.Translation;

namespace Mesh.Providers.AppMesh.Tests.Import;

/// <summary>Shared input pieces: the colour app (a front node and colour subsets behind a router) and import helpers.</summary>
internal static class ImportYaml
{
    public static ImportResult Read(string yaml) => new AppMeshTranslator().ImportYaml(yaml, "x.yaml");

    public static Diagnostic At(ImportResult result, string path) =>
        Assert.Single(result.Diagnostics, d => d.Path == "x.yaml" + path);

    public static string Node(string name, string labels, string port = "8080", string protocol = "http", string extra = "", string hostname = "") => $$"""
        apiVersion: appmesh.k8s.aws/v1beta2
        kind: VirtualNode
        metadata: { name: {{name}}, namespace: shop }
        spec:
          podSelector: { matchLabels: { {{labels}} } }
          listeners:
            - portMapping: { port: {{port}}, protocol: {{protocol}} }
        {{extra}}
          serviceDiscovery: { dns: { hostname: "{{(hostname.Length > 0 ? hostname : name + ".shop.svc.cluster.local")}}" } }
        ---
        """ + "\n";

    public static string Service(string name, string provider = "virtualRouter: { virtualRouterRef: { name: color } }") => $$"""
        apiVersion: appmesh.k8s.aws/v1beta2
        kind: VirtualService
        metadata: { name: {{name}}, namespace: shop }
        spec:
          awsName: {{name}}.shop.svc.cluster.local
          provider: { {{provider}} }
        ---
        """ + "\n";

    public static string Router(string routes, string listeners = "- portMapping: { port: 8080, protocol: http }") => $$"""
        apiVersion: appmesh.k8s.aws/v1beta2
        kind: VirtualRouter
        metadata: { name: color, namespace: shop }
        spec:
          listeners:
            {{listeners}}
          routes:
        {{routes}}
        ---
        """ + "\n";

    public static string ColorNodes =>
        Node("color-blue", "app: color, version: blue") + Node("color-green", "app: color, version: green") + Node("color-red", "app: color, version: red");
}
