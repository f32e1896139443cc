namespace Mesh.Providers.Conformance.Suites;

/// <summary>A CEL rule a provider's output for generated models is known to break, and why it is left so (see <see cref="SchemaSuite.KnownRejections"/>).</summary>
/// <param name="RuleMessage">The rule's <c>message</c>, as the CRD declares it.</param>
/// <param name="Reason">Why the output is not changed (yet), for the printed report.</param>
public sealed record KnownRejection(string RuleMessage, string Reason);
