namespace Mesh.Providers.Conformance.Suites;

/// <summary>An output field a provider's export derives from the whole model or its options, not from an input field (<see cref="CorpusSuite"/>).</summary>
/// <param name="Field">The kind and path prefix, as invented fields are written: <c>"VirtualNode $.spec.backends"</c>.</param>
/// <param name="Reason">Why the export writes it without an input field.</param>
public sealed record DerivedField(string Field, string Reason);
