using System.Text.Json.Nodes;
using CsCheck;
using Mesh.Model;
using Mesh.Providers.Consul.Tests.Generators;
using Mesh.Providers.Conformance.Suites;
using Mesh.Providers.Conformance.Support;
using Mesh.Translation;

namespace Mesh.Providers.Consul.Tests.Conformance;

/// <summary>
/// Output validated strictly against <c>crds/consul</c> (under <c>spec</c>, where the API server prunes unknown fields) and
/// written Services against the core Service schema. The corpus and bad-input suites are in
/// <c>ConsulImportConformance.cs</c>.
/// </summary>
public sealed class ConsulSchema : SchemaSuite
{
    protected override ITranslator Translator { get; } = new ConsulTranslator(new ConsulOptions { ServiceOutput = ServiceOutput.All });

    protected override IReadOnlyList<string> CrdFiles => ConsulCrds.Written;

    protected override string CorpusFolder => "examples/consul";

    protected override Gen<MeshConfig> Models => ConsulModels.Any;

    protected override IEnumerable<MeshConfig> SampleModels => [.. RepositorySamples.MeshYaml()];

    /// <summary>The consul-k8s CRDs declare no CEL rule and the corpus holds no core Service: no rule is reached there.</summary>
    protected override bool CorpusReachesCelRules => false;

    /// <summary>Consul's CRDs declare no CEL rules: the rules broken are the core Service's, on the Services written.</summary>
    protected override IEnumerable<Action<JsonNode>> RuleViolations(JsonNode resource)
    {
        if (resource["kind"]?.GetValue<string>() == "Service" && resource["spec"]?["ports"] is JsonArray { Count: > 0 })
        {
            yield return node => node["spec"]!["ports"]![0]!["targetPort"] = "Not_A_Port_Name";
        }
    }
}

/// <summary>The same schema check for Consul Enterprise (namespace and partition fields in specs).</summary>
public sealed class ConsulEnterpriseSchema : SchemaSuite
{
    protected override ITranslator Translator { get; } = new ConsulTranslator(new ConsulOptions { ServiceOutput = ServiceOutput.All, Edition = ConsulEdition.Enterprise, Partition = "team-a" });

    protected override IReadOnlyList<string> CrdFiles => ConsulCrds.Written;

    protected override string CorpusFolder => "examples/consul";

    protected override Gen<MeshConfig> Models => ConsulModels.Any;

    protected override IEnumerable<MeshConfig> SampleModels => [.. RepositorySamples.MeshYaml()];

    /// <summary>The consul-k8s CRDs declare no CEL rule and the corpus holds no core Service: no rule is reached there.</summary>
    protected override bool CorpusReachesCelRules => false;

    protected override long Iterations => Soak.Scale(75);

    /// <summary>Consul's CRDs declare no CEL rules: the rules broken are the core Service's, on the Services written.</summary>
    protected override IEnumerable<Action<JsonNode>> RuleViolations(JsonNode resource)
    {
        if (resource["kind"]?.GetValue<string>() == "Service" && resource["spec"]?["ports"] is JsonArray { Count: > 0 })
        {
            yield return node => node["spec"]!["ports"]![0]!["targetPort"] = "Not_A_Port_Name";
        }
    }
}

/// <summary>
/// Generated models within Consul's capabilities, in the normal form Consul reads back (<see cref="ConsulModels.ToConsul"/>); every
/// Service written, as a migration carries them. Enterprise: the models span namespaces, which Community Edition folds into one
/// (each collision reported; covered by the export tests).
/// </summary>
public sealed class ConsulRoundTrip : RoundTripSuite
{
    protected override ITranslator Translator { get; } = new ConsulTranslator(new ConsulOptions { ServiceOutput = ServiceOutput.All, Edition = ConsulEdition.Enterprise });

    protected override Gen<MeshConfig> ModelsWithinCapabilities => ConsulModels.RoundTripModels;
}

/// <summary>
/// The round trip on Community Edition (the default edition), which has one Consul namespace: generated models in one namespace
/// (<see cref="ConsulModels.OneNamespace"/>), where a namespace caller is written as each service of it and read back as those
/// services.
/// </summary>
public sealed class ConsulCommunityRoundTrip : RoundTripSuite
{
    protected override ITranslator Translator { get; } = new ConsulTranslator(new ConsulOptions { ServiceOutput = ServiceOutput.All });

    protected override Gen<MeshConfig> ModelsWithinCapabilities => ConsulModels.CommunityRoundTripModels;
}

/// <summary>The migration matrix: this provider paired with every other, both ways.</summary>
public sealed class ConsulMigrationMatrix : MigrationMatrixSuite
{
    protected override ITranslator Translator { get; } = MigrationPartners.Of(ProviderName.Consul);

    protected override IReadOnlyList<ITranslator> Partners => MigrationPartners.Except(Translator.Provider);
}

/// <summary>The upstream consul-k8s CRD files, relative to <c>../shared/conformance</c>.</summary>
internal static class ConsulCrds
{
    /// <summary>The Gateway API CRDs of the kinds Consul's API gateway takes (see <see cref="Written"/>).</summary>
    public static IReadOnlyList<string> GatewayApi { get; } =
    [
        "crds/linkerd/install_crds_with_gateway_api.golden.yaml",
        .. new[] { "gateways", "httproutes", "referencegrants", "tcproutes" }.Select(k => $"crds/gateway-api/gateway.networking.k8s.io_{k}.yaml"),
    ];

    /// <summary>
    /// The kinds the translator writes (and the ones it reads): the config entries, and the Gateway API kinds of Consul's API
    /// gateway — Gateway, HTTPRoute and ReferenceGrant <c>v1beta1</c> from Gateway API v1.6.1 (still served there), and TCPRoute
    /// <c>v1alpha2</c>, which v1.6.1 no longer serves, from the experimental-channel Gateway API CRDs Linkerd bundles (v1.1.1),
    /// as consul-k8s bundles experimental-channel CRDs serving it. Later files win for a kind and version both hold.
    /// </summary>
    public static IReadOnlyList<string> Written { get; } =
    [
        .. new[] { "servicedefaults", "servicerouters", "servicesplitters", "serviceresolvers", "serviceintentions", "proxydefaults", "meshes", "exportedservices", "terminatinggateways", "ingressgateways", "jwtproviders" }.Select(File),
        .. GatewayApi,
    ];

    private static string File(string plural) => $"crds/consul/consul.hashicorp.com_{plural}.yaml";
}

/// <summary>Every conformance suite is derived here.</summary>
public sealed class ConsulSuiteCoverage
{
    [Fact]
    public void EveryConformanceSuite_IsDerived() => SuiteCoverage.AssertEverySuiteDerived(typeof(ConsulSuiteCoverage).Assembly);
}

/// <summary>
/// The round trip of request authentication with the allow rules needing its tokens (<see cref="JwtModels"/>): JWTProviders
/// named after their policy, intention permissions requiring their tokens, read back as the policies and rules.
/// </summary>
public sealed class ConsulJwtRoundTrip : RoundTripSuite
{
    protected override ITranslator Translator { get; } = new ConsulTranslator(new ConsulOptions { ServiceOutput = ServiceOutput.All });

    protected override Gen<MeshConfig> ModelsWithinCapabilities => JwtModels.RoundTrip;
}
