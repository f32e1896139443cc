namespace Mesh.Providers.Conformance.Suites;

/// <summary>What importing one corpus file carried and reported.</summary>
/// <param name="File">The file name.</param>
/// <param name="Resources">The documents in it.</param>
/// <param name="FieldsCarried">Leaf fields of the input not named by any diagnostic.</param>
/// <param name="FieldsReported">Leaf fields of the input named by a diagnostic.</param>
/// <param name="Problems">Violations: invented fields, unreported losses, fixed-point breaks.</param>
/// <param name="DifferencesExplained">Differences between the import and the import of its re-export, each named by an export diagnostic (0 for an exact fixed point).</param>
public sealed record CorpusFileReport(string File, int Resources, int FieldsCarried, int FieldsReported, IReadOnlyList<string> Problems, int DifferencesExplained = 0);
