using Mesh.Cli;

namespace Mesh.Cli.Tests;

/// <summary>Runs the command in-process and captures its streams.</summary>
internal static class CliRunner
{
    public sealed record Run(int ExitCode, string Stdout, string Stderr);

    public static Run Invoke(IServiceProvider? services, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = MeshCli.Run(args, stdout, stderr, services);
        return new Run(code, stdout.ToString(), stderr.ToString());
    }

    public static Run Invoke(params string[] args) => Invoke(null, args);

    /// <summary>Runs with <paramref name="stdin"/> as standard input (what an argument <c>-</c> reads).</summary>
    public static Run InvokeWithStdin(string stdin, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var input = new StringReader(stdin);
        var code = MeshCli.Run(args, stdout, stderr, stdin: input);
        return new Run(code, stdout.ToString(), stderr.ToString());
    }

    public static string Sample(string name) => Path.Combine(Mesh.Testing.TestPaths.RepoRoot, "samples", name);
}
