using System.Text;

namespace Mesh.Analysis;

/// <summary>The differences between a desired and a live model (<see cref="MeshDiff.Compare"/>).</summary>
public sealed class MeshDiffResult
{
    internal MeshDiffResult(IReadOnlyList<MeshChange> changes) => Changes = changes;

    /// <summary>
    /// The changes, grouped per object: services, route rules, TCP routes, destination policies, mTLS policies, access policies,
    /// external services, each kind in the desired model's order and then the objects only the live model has.
    /// </summary>
    public IReadOnlyList<MeshChange> Changes { get; }

    /// <summary>Whether the models differ in behaviour (any change at all).</summary>
    public bool HasChanges => Changes.Count > 0;

    /// <summary>The changes as text: a heading per object (<c>service reviews.bookinfo</c>) and one indented line per change; empty when there are none.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        (MeshObjectKind, string)? current = null;
        foreach (var change in Changes)
        {
            if (current != (change.Object, change.Name))
            {
                current = (change.Object, change.Name);
                text.Append(MeshDiff.Heading(change.Object)).Append(' ').Append(change.Name).Append('\n');
            }
            text.Append("  ").Append(change).Append('\n');
        }
        return text.ToString();
    }
}
