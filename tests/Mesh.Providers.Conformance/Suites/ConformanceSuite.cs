using Mesh.Translation;

namespace Mesh.Providers.Conformance.Suites;

/// <summary>The base of every conformance suite: a provider's test class supplies its translator.</summary>
public abstract class ConformanceSuite
{
    /// <summary>The translator under test.</summary>
    protected abstract ITranslator Translator { get; }
}
