namespace Mesh.Providers.Conformance.Suites;

/// <summary>A malformed provider document and the path its diagnostic must name.</summary>
/// <param name="Name">What is wrong, for the failure message.</param>
/// <param name="Yaml">The input.</param>
/// <param name="ExpectedPath">The JSON path (after the <c>file#doc </c> prefix) a diagnostic must name.</param>
public sealed record BadInputCase(string Name, string Yaml, string ExpectedPath);
