namespace Mesh.Translation;

/// <summary>A named input text, e.g. one manifest file.</summary>
/// <param name="Name">The name used in diagnostic paths (<c>name#doc $.spec…</c>), usually the file name.</param>
/// <param name="Text">The content.</param>
public sealed record SourceText(string Name, string Text);
