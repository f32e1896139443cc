using k8s.Models;
using Mesh.Diagnostics;
using Mesh.Providers.AppMesh;
using Mesh.Providers.AppMesh.Resources;
using Mesh.Providers.Consul;
using Mesh.Providers.Consul.Resources;
using Mesh.Providers.Linkerd;
using Mesh.Providers.Linkerd.Resources;
using Mesh.Providers.Osm;
using Mesh.Providers.Osm.Resources;
using Mesh.Translation;

namespace Mesh.Cli.Tests;

/// <summary>
/// The crashes the in-process fuzzing (<c>BadInputSuite.MutatedCorpus_NeverThrows_AndEveryModelGivenValidates</c> for YAML,
/// <c>BadInputSuite.MutatedTypedObjects_NeverThrow_AndEveryModelGivenValidates</c> for typed objects) found, minimised: each
/// input is now answered with diagnostics, never an exception.
/// </summary>
public class FuzzRegressionTests
{
    public static TheoryData<string, string, string> Inputs => new()
    {
        // A document truncated after `spec:` (App Mesh VirtualService): the spec read as null.
        { "appmesh", "apiVersion: appmesh.k8s.aws/v1beta2\nkind: VirtualService\nmetadata: { name: web, namespace: shop }\nspec:\n", "$.spec" },
        // Lines swapped so that a MeshTLSAuthentication's spec is empty (Linkerd).
        { "linkerd", "apiVersion: policy.linkerd.io/v1alpha1\nkind: MeshTLSAuthentication\nmetadata: { name: web, namespace: shop }\nspec:\n---\napiVersion: policy.linkerd.io/v1alpha1\nkind: AuthorizationPolicy\nmetadata: { name: allow, namespace: shop }\nspec:\n  targetRef: { group: core, kind: Namespace, name: shop }\n  requiredAuthenticationRefs: [{ group: policy.linkerd.io, kind: MeshTLSAuthentication, name: web }]\n", "" },
        // A list item with nothing after its dash (Consul hash policies).
        { "consul", "apiVersion: consul.hashicorp.com/v1alpha1\nkind: ServiceResolver\nmetadata: { name: web, namespace: shop }\nspec:\n  loadBalancer:\n    policy: maglev\n    hashPolicies:\n    -\n", "$.spec.loadBalancer.hashPolicies[0]" },
        // An empty address of a destination (Consul).
        { "consul", "apiVersion: consul.hashicorp.com/v1alpha1\nkind: ServiceDefaults\nmetadata: { name: db, namespace: shop }\nspec:\n  protocol: tcp\n  destination: { addresses: [db.example.com, \"\"], port: 5432 }\n", "$.spec.destination.addresses" },
        // A split weight of decimal.MaxValue (Consul): the sum of the weights overflowed.
        { "consul", "apiVersion: consul.hashicorp.com/v1alpha1\nkind: ServiceSplitter\nmetadata: { name: web, namespace: shop }\nspec:\n  splits:\n  - { weight: 50, serviceSubset: v1 }\n  - { weight: 79228162514264337593543950335, serviceSubset: v2 }\n", "$.spec.splits[1].weight" },
    };

    private static ITranslator Translator(string provider) => provider switch
    {
        "appmesh" => new AppMeshTranslator(),
        "linkerd" => new LinkerdTranslator(),
        _ => new ConsulTranslator(),
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void IsAnsweredWithDiagnostics(string provider, string yaml, string path)
    {
        var result = Translator(provider).ImportYaml(yaml, "min.yaml");
        Assert.True(!result.HasErrors || result.Config is null);
        if (path.Length > 0) Assert.Contains(result.Diagnostics, d => d.Path.Contains(path, StringComparison.Ordinal) && d.Severity >= DiagnosticSeverity.Warning);
        if (result.Config is { } config) Assert.DoesNotContain(Mesh.Validation.MeshValidator.Validate(config), d => d.IsError);
    }

    /// <summary>Typed objects as <c>Import</c> received them (a null list item, a null spec, an overflowing weight), with the path reported.</summary>
    public static TheoryData<string, string> TypedInputs => new()
    {
        // A Linkerd HTTPRoute whose parentRefs hold null: NullReferenceException finding the server it authorizes.
        { "linkerd", "$.spec.parentRefs[0]" },
        // An App Mesh VirtualNode whose spec is null: NullReferenceException reading its listeners (now read as an empty spec:
        // a node without listeners or backends, which is no error).
        { "appmesh", "" },
        // An OSM UpstreamTrafficSetting whose httpRoutes hold null: NullReferenceException reading its rate limits.
        { "osm", "$.spec.httpRoutes[0]" },
        // A Consul ServiceSplitter with a null split: NullReferenceException summing the weights.
        { "consul-null", "$.spec.splits[1]" },
        // A Consul ServiceSplitter with a weight of decimal.MaxValue: OverflowException summing the weights.
        { "consul-overflow", "$.spec.splits[1].weight" },
    };

    [Theory]
    [MemberData(nameof(TypedInputs))]
    public void TypedObjects_AreAnsweredWithDiagnostics(string input, string path)
    {
        var meta = new V1ObjectMeta { Name = "web", NamespaceProperty = "shop" };
        (ITranslator Translator, object Resource) pair = input switch
        {
            "linkerd" => (new LinkerdTranslator(), new PolicyHttpRoute { Metadata = meta, Spec = new Mesh.Providers.GatewayApi.Resources.HttpRouteSpec { ParentRefs = [null!] } }),
            "appmesh" => (new AppMeshTranslator(), new VirtualNode { Metadata = meta, Spec = null! }),
            "osm" => (new OsmTranslator(), new UpstreamTrafficSetting { Metadata = meta, Spec = new UpstreamTrafficSettingSpec { Host = "web.shop.svc.cluster.local", HttpRoutes = [null!] } }),
            "consul-null" => (new ConsulTranslator(), new ServiceSplitter { Metadata = meta, Spec = new ServiceSplitterSpec { Splits = [new ServiceSplit { Weight = 100, ServiceSubset = "v1" }, null!] } }),
            _ => (new ConsulTranslator(), new ServiceSplitter { Metadata = meta, Spec = new ServiceSplitterSpec { Splits = [new ServiceSplit { Weight = 50, ServiceSubset = "v1" }, new ServiceSplit { Weight = decimal.MaxValue, ServiceSubset = "v2" }] } }),
        };
        var result = pair.Translator.Import([pair.Resource]);
        if (path.Length == 0)
        {
            Assert.DoesNotContain(Mesh.Validation.MeshValidator.Validate(Assert.IsType<Mesh.Model.MeshConfig>(result.Config)), d => d.IsError);
            return;
        }
        Assert.True(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.Null(result.Config);
        Assert.Contains(result.Diagnostics, d => d.IsError && d.Path.EndsWith(" " + path, StringComparison.Ordinal));
    }

    /// <summary>Import reads a copy of each typed object: the caller's object is not changed, even where it has a null to fill in.</summary>
    [Fact]
    public void TypedImport_LeavesTheCallersObjectsAsTheyWere()
    {
        var splitter = new ServiceSplitter { Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "shop" }, Spec = new ServiceSplitterSpec { Splits = [new ServiceSplit { Weight = 100, ServiceSubset = "v1" }, null!] } };
        var node = new VirtualNode { Metadata = null!, Spec = null! };
        _ = new ConsulTranslator().Import([splitter]);
        _ = new AppMeshTranslator().Import([node]);
        Assert.Equal(2, splitter.Spec.Splits!.Count);
        Assert.Null(splitter.Spec.Splits[1]);
        Assert.Null(node.Metadata);
        Assert.Null(node.Spec);
    }

    /// <summary>
    /// Found by <c>RoundTripSuite.AnyModel_WithFreeText_IsWrittenAsYamlThatImportsWithoutErrors</c>: App Mesh writes a TCP route
    /// without a port once per TCP listener of a service with several; read back, the copies were two TCP routes of one name (an
    /// invalid model, MESH2209). They are one route on every port again.
    /// </summary>
    [Fact]
    public void AppMesh_TcpRouteOnEveryPortOfAMultiListenerService_ImportsAsOneRoute()
    {
        var details = new Mesh.Model.ServiceRef("details", "shop");
        var model = new Mesh.Model.MeshConfig
        {
            Name = "m",
            Services =
            [
                new Mesh.Model.MeshService
                {
                    Name = "details",
                    Namespace = "shop",
                    Ports =
                    [
                        new Mesh.Model.ServicePort { Port = 57092, Protocol = Mesh.Model.Protocol.Tcp },
                        new Mesh.Model.ServicePort { Port = 50668, Protocol = Mesh.Model.Protocol.Grpc },
                        new Mesh.Model.ServicePort { Port = 10409, Protocol = Mesh.Model.Protocol.Tls },
                    ],
                    Subsets = [new Mesh.Model.Subset { Name = "stable", Labels = new Dictionary<string, string> { ["version"] = "stable" } }],
                },
            ],
            TcpRoutes = [new Mesh.Model.TcpRoute { Name = "details-tcp", Namespace = "shop", Host = details, Backends = [new Mesh.Model.WeightedBackend { Service = details, Subset = "stable", Port = 50668, Weight = 42 }] }],
        };
        var translator = new AppMeshTranslator();
        var translated = translator.Translate(model);
        Assert.False(translated.HasErrors, string.Join("\n", translated.Diagnostics));
        foreach (var back in new[] { translator.Import(translated.Resources), translator.ImportYaml(translator.WriteYaml(translated.Resources), "m.yaml") })
        {
            Assert.False(back.HasErrors, string.Join("\n", back.Diagnostics.Where(d => d.IsError)));
            var route = Assert.Single(back.Config!.TcpRoutes);
            Assert.Equal("details-tcp", route.Name);
            Assert.Null(route.Port);
        }
    }
}
