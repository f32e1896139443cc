using Mesh.Model;

namespace Mesh.Translation;

/// <summary>
/// Translates the unified model to a provider's native configuration and back. Implementations are stateless
/// and thread-safe. Nothing is dropped silently: every feature not expressed and every input field not
/// imported is reported as a diagnostic.
/// </summary>
public interface ITranslator
{
    /// <summary>The provider's name, e.g. <c>istio</c>.</summary>
    ProviderName Provider { get; }

    /// <summary>What the provider can express, feature by feature.</summary>
    ProviderCapabilities Capabilities { get; }

    /// <summary>Translates a model to the provider's resources (typed Kubernetes objects).</summary>
    /// <param name="config">The model; it should be valid (see <c>MeshValidator</c>).</param>
    /// <param name="options">Options, or null for defaults.</param>
    TranslationResult Translate(MeshConfig config, TranslationOptions? options = null);

    /// <summary>Reads the provider's typed resources into a model.</summary>
    /// <param name="resources">Typed resources (objects of other types are reported and skipped).</param>
    /// <param name="options">Options, or null for defaults.</param>
    ImportResult Import(IEnumerable<object> resources, ImportOptions? options = null);

    /// <summary>
    /// Reads YAML streams of the provider's manifests (any mix of kinds, across any number of files) into one model;
    /// references between files resolve as if the files were applied together.
    /// </summary>
    /// <param name="sources">The inputs; <c>---</c> separates documents within each.</param>
    /// <param name="options">Options, or null for defaults.</param>
    ImportResult ImportYaml(IReadOnlyList<SourceText> sources, ImportOptions? options = null);

    /// <summary>Reads one YAML stream of the provider's manifests into a model.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="sourceName">The file name used in diagnostic paths (<c>file#doc $.spec…</c>).</param>
    /// <param name="options">Options, or null for defaults.</param>
    ImportResult ImportYaml(string yaml, string sourceName, ImportOptions? options = null) => ImportYaml([new SourceText(sourceName, yaml)], options);

    /// <summary>Writes resources produced by <see cref="Translate"/> as a YAML stream that <c>kubectl apply</c> accepts.</summary>
    /// <param name="resources">The resources.</param>
    string WriteYaml(IEnumerable<object> resources);
}
