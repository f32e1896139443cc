using Mesh.Providers.Conformance.Suites;
using Mesh.Providers.Conformance.Support;
using Mesh.Translation;

namespace Mesh.Providers.AppMesh.Tests.Conformance;

/// <summary>The migration matrix: this provider paired with every other, both ways.</summary>
public sealed class AppMeshMigrationMatrix : MigrationMatrixSuite
{
    protected override ITranslator Translator { get; } = new AppMeshTranslator(new AppMeshOptions { ServiceOutput = ServiceOutput.All });

    protected override IReadOnlyList<ITranslator> Partners => MigrationPartners.Except(Translator.Provider);
}
