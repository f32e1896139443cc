using Mesh.Providers.Conformance.Suites;
using Mesh.Providers.Conformance.Support;
using Mesh.Translation;

namespace Mesh.Providers.Linkerd.Tests.Conformance;

/// <summary>The migration matrix: this provider paired with every other, both ways.</summary>
public sealed class LinkerdMigrationMatrix : MigrationMatrixSuite
{
    protected override ITranslator Translator => MigrationPartners.Of(ProviderName.Linkerd);

    protected override IReadOnlyList<ITranslator> Partners => MigrationPartners.Except(Translator.Provider);
}
