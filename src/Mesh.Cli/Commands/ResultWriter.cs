namespace Mesh.Cli.Commands;

/// <summary>
/// Writes a command's result to stdout, a file (its directory created when missing), or a file inside an existing
/// directory — whole or not at all.
/// </summary>
internal static class ResultWriter
{
    /// <param name="stdout">Used when <paramref name="output"/> is null.</param>
    /// <param name="output">A file path, an existing directory, or null or <c>-</c> for stdout.</param>
    /// <param name="fileNameInDirectory">The file name used when <paramref name="output"/> is a directory.</param>
    /// <param name="text">The result.</param>
    public static void Write(TextWriter stdout, string? output, string fileNameInDirectory, string text)
    {
        if (output is null || StandardStreams.Is(output))
        {
            stdout.Write(text);
            return;
        }
        var path = Directory.Exists(output) ? Path.Combine(output, fileNameInDirectory) : output;
        CreateParent(path);
        // Write beside the target and move into place, so a failure never leaves a half-written file.
        var temp = path + ".tmp";
        File.WriteAllText(temp, text);
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Writes bytes to <paramref name="path"/> atomically (beside it, then moved into place).</summary>
    public static void WriteBytes(string path, byte[] bytes)
    {
        CreateParent(path);
        var temp = path + ".tmp";
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Creates the directory <paramref name="path"/> goes in when it does not exist yet.</summary>
    private static void CreateParent(string path)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { Length: > 0 } parent) Directory.CreateDirectory(parent);
    }
}
