namespace Mesh.Analysis;

/// <summary>Collects the changes of one object: its kind and name are given once, each change adds its paths and values.</summary>
internal sealed class ChangeSink(List<MeshChange> changes, MeshObjectKind kind, string name)
{
    public void Added(string livePath, string value) =>
        changes.Add(new MeshChange { Kind = MeshChangeKind.Added, Object = kind, Name = name, LivePath = livePath, New = value });

    public void Removed(string desiredPath, string value) =>
        changes.Add(new MeshChange { Kind = MeshChangeKind.Removed, Object = kind, Name = name, DesiredPath = desiredPath, Old = value });

    public void Changed(string desiredPath, string livePath, string old, string value) =>
        changes.Add(new MeshChange { Kind = MeshChangeKind.Changed, Object = kind, Name = name, DesiredPath = desiredPath, LivePath = livePath, Old = old, New = value });
}
