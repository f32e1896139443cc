using Mesh.Diagnostics;

namespace Mesh.Compliance.BuiltIn;

/// <summary>A check of the built-in pack: its id, what it requires, its default severity and parameters, and the check itself.</summary>
internal abstract class BuiltInCheck
{
    public abstract string Id { get; }

    public abstract string Description { get; }

    public virtual DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Error;

    public virtual IReadOnlyList<CheckParameter> Parameters => [];

    /// <summary>Finds the candidate violations; <paramref name="parameters"/> holds a parsed value for every parameter.</summary>
    public abstract IEnumerable<Hit> Run(CheckContext context, IReadOnlyDictionary<string, object> parameters);
}
