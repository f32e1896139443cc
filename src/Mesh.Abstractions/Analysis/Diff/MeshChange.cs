namespace Mesh.Analysis;

/// <summary>
/// One difference found by <see cref="MeshDiff.Compare"/>: a value added, removed or changed in one object of the model, with
/// where it is in each model and its old and new values as readable text.
/// </summary>
public sealed record MeshChange
{
    /// <summary>Whether the value is only in the live model, only in the desired one, or in both with different values.</summary>
    public required MeshChangeKind Kind { get; init; }

    /// <summary>The kind of object the change concerns.</summary>
    public required MeshObjectKind Object { get; init; }

    /// <summary>
    /// The object's identity, the same in both models: <c>reviews.bookinfo</c> (a service), <c>reviews.bookinfo rule [path prefix /api]</c>,
    /// <c>mongodb.bookinfo tcp port 27017</c>, <c>reviews.bookinfo subset v2</c> (a destination policy's target),
    /// <c>namespace bookinfo</c> (an mTLS scope), <c>bookinfo/ratings-from-reviews</c> (an access policy or external service).
    /// </summary>
    public required string Name { get; init; }

    /// <summary>
    /// Where the value is in the desired model: a JSON path in wire names indexing the model as given (not its normal form),
    /// e.g. <c>$.spec.routes[1].rules[0].backends</c>.
    /// </summary>
    /// <value>Null when <see cref="Kind"/> is <see cref="MeshChangeKind.Added"/>.</value>
    public string? DesiredPath { get; init; }

    /// <summary>Where the value is in the live model, as <see cref="DesiredPath"/> is in the desired one.</summary>
    /// <value>Null when <see cref="Kind"/> is <see cref="MeshChangeKind.Removed"/>.</value>
    public string? LivePath { get; init; }

    /// <summary>The path to show: <see cref="DesiredPath"/>, or <see cref="LivePath"/> for a value only the live model has.</summary>
    public string Path => DesiredPath ?? LivePath ?? "$";

    /// <summary>
    /// The desired value as text: a scalar as written (<c>2s</c>, <c>strict</c>), an object or list in YAML flow style
    /// (<c>{ leastRequest: {} }</c>), a rule's traffic as shares of workloads (<c>bookinfo{app=reviews,version=v1} 90%, …</c>).
    /// </summary>
    /// <value>Null when <see cref="Kind"/> is <see cref="MeshChangeKind.Added"/>.</value>
    public string? Old { get; init; }

    /// <summary>The live value as text, as <see cref="Old"/> is the desired one.</summary>
    /// <value>Null when <see cref="Kind"/> is <see cref="MeshChangeKind.Removed"/>.</value>
    public string? New { get; init; }

    /// <summary>The change as one line: <c>~ path: old → new</c>, <c>+ path: new</c> or <c>- path: old</c>.</summary>
    public override string ToString() => Kind switch
    {
        MeshChangeKind.Added => $"+ {Path}: {New}",
        MeshChangeKind.Removed => $"- {Path}: {Old}",
        _ => $"~ {Path}: {Old} → {New}",
    };
}
