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

    public static string Sample(string name) => Path.Combine(Mesh.Testing.TestPaths.RepoRoot, "samples", name);
}
