using Mesh.Diagnostics;
using Mesh.Providers.AppMesh;
using Mesh.Providers.Consul;
using Mesh.Providers.Linkerd;
using Mesh.Translation;

namespace Mesh.Cli.Tests;

/// <summary>
/// The crashes the in-process fuzzing (<c>BadInputSuite.MutatedCorpus_NeverThrows_AndEveryModelGivenValidates</c>) found,
/// minimised: each input is now answered with diagnostics, never an exception.
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
}
