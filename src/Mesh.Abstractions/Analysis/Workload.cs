using System.Text;
using Mesh.Collections;

namespace Mesh.Analysis;

/// <summary>
/// The pods that receive traffic: a namespace and the labels they carry. A backend or mirror resolves to the service's
/// <see cref="Model.MeshService.WorkloadLabels"/> (its effective selector ∪ the subset's labels) in the service's namespace;
/// two backends that resolve to one workload are one destination.
/// </summary>
/// <param name="Namespace">The namespace of the workloads.</param>
/// <param name="Labels">
/// The labels of the workloads. Keys starting with <c>?</c> are markers of the evaluator, never Kubernetes labels (no label
/// key may start with <c>?</c>): <see cref="UndefinedSubsetKey"/> and <see cref="ExternalHostsKey"/>.
/// </param>
public sealed record Workload(string Namespace, EquatableMap<string> Labels)
{
    /// <summary>
    /// The marker key of a subset that the model does not define (or of any subset of a service it does not declare):
    /// the value is the subset name, added to the service's selector, so the workload is distinct from every defined one
    /// and shows what was referenced, e.g. <c>bookinfo{?subset=v9,app=reviews}</c>.
    /// </summary>
    public const string UndefinedSubsetKey = "?subset";

    /// <summary>
    /// The marker key of a backend that is an external service (<c>spec.externalServices</c>): the value is its hosts, lower
    /// case, sorted and separated by spaces, e.g. <c>shop{?external=api.stripe.com}</c>. External services have no labels.
    /// </summary>
    public const string ExternalHostsKey = "?external";

    /// <summary>The workload as <c>namespace{key=value,…}</c> with the labels in ordinal key order, e.g. <c>bookinfo{app=reviews,version=v1}</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Namespace).Append('{');
        var first = true;
        foreach (var (key, value) in Labels)
        {
            if (!first) text.Append(',');
            text.Append(key).Append('=').Append(value);
            first = false;
        }
        return text.Append('}').ToString();
    }
}
