namespace Mesh.Cli.Commands;

/// <summary>
/// <c>-</c> as a file name: an input named <c>-</c> is read from stdin, and <c>-o -</c> writes to stdout (the default
/// anyway), as with most command-line tools.
/// </summary>
internal static class StandardStreams
{
    /// <summary>The name that stands for stdin or stdout.</summary>
    public const string Name = "-";

    /// <summary>Whether <paramref name="path"/> is <see cref="Name"/>.</summary>
    public static bool Is(string? path) => path == Name;

    /// <summary>
    /// The text of stdin for an input named <c>-</c>, read once; null (reported) when the command has no stdin or an earlier
    /// input already read it.
    /// </summary>
    public static string? ReadStdin(CliContext context, ref bool read)
    {
        if (context.Stdin is null)
        {
            context.Stderr.WriteLine("error: '-' reads stdin, and there is none here.");
            return null;
        }
        if (read)
        {
            context.Stderr.WriteLine("error: '-' (stdin) is named more than once.");
            return null;
        }
        read = true;
        return context.Stdin.ReadToEnd();
    }
}
