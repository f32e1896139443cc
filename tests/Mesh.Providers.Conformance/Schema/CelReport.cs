using System.Globalization;
using System.Text;

namespace Mesh.Providers.Conformance.Schema;

/// <summary>
/// What the CEL rules (<c>x-kubernetes-validations</c>) of a <see cref="CrdSchemaSet"/> did on the objects validated so far.
/// Rule counts are distinct rules (one rule of one schema node of one served version); evaluation counts are rule × value.
/// </summary>
public sealed record CelReport
{
    /// <summary>The rules the served versions of the loaded CRDs declare.</summary>
    public required int Declared { get; init; }

    /// <summary>Declared rules that can never be evaluated here, by reason (transition rules, functions not available, parse errors).</summary>
    public required IReadOnlyDictionary<string, int> UnevaluableByReason { get; init; }

    /// <summary>Rules whose schema node had a value in at least one validated object.</summary>
    public required int Reached { get; init; }

    /// <summary>Rules evaluated to a result (true or false) at least once.</summary>
    public required int Checked { get; init; }

    /// <summary>Rules that failed (false or an evaluation error the API server also raises) at least once.</summary>
    public required int Violated { get; init; }

    /// <summary>The rules counted in <see cref="Violated"/>: <c>group/version/Kind $.schema.path #index: rule</c>.</summary>
    public required IReadOnlyList<string> ViolatedRules { get; init; }

    /// <summary>Rules reached but not evaluated at least once, by reason.</summary>
    public required IReadOnlyDictionary<string, int> UnevaluatedByReason { get; init; }

    /// <summary>Rules reached but not evaluated at least once (a rule unevaluated for two reasons counts once).</summary>
    public required int Unevaluated { get; init; }

    /// <summary>Rule × value evaluations that gave a result.</summary>
    public required long Evaluations { get; init; }

    /// <summary>Rule × value evaluations that failed.</summary>
    public required long Violations { get; init; }

    /// <summary>Rule × value evaluations that could not be run.</summary>
    public required long UnevaluatedEvaluations { get; init; }

    /// <summary>Declared rules that can never be evaluated here.</summary>
    public int Unevaluable => UnevaluableByReason.Values.Sum();

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.Append(c, $"CEL rules declared {Declared}, unevaluable {Unevaluable}; reached {Reached}: checked {Checked}, violated {Violated}, unevaluated {Unevaluated}");
        text.Append(c, $" (evaluations {Evaluations}, violations {Violations}, unevaluated {UnevaluatedEvaluations})");
        foreach (var (reason, count) in UnevaluableByReason.OrderBy(p => p.Key, StringComparer.Ordinal)) text.Append(c, $"\n  unevaluable {count}: {reason}");
        foreach (var rule in ViolatedRules) text.Append(c, $"\n  violated: {rule}");
        foreach (var (reason, count) in UnevaluatedByReason.OrderBy(p => p.Key, StringComparer.Ordinal)) text.Append(c, $"\n  unevaluated {count}: {reason}");
        return text.ToString();
    }
}
