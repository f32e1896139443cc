using Mesh.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;

namespace Mesh.Cli.Tests;

/// <summary>An exception escaping a command (a bug of ours or of a provider package) is one line and exit 2; the stack only under --verbose.</summary>
public sealed class UnexpectedFailureTests : IDisposable
{
    private readonly ServiceProvider _broken;

    public UnexpectedFailureTests()
    {
        var services = new ServiceCollection();
        services.AddMeshSdk().AddTranslator<ThrowingTranslator>();
        _broken = services.BuildServiceProvider();
    }

    public void Dispose() => _broken.Dispose();

    [Fact]
    public void AnEscapingException_IsOneLine_WithoutAStackTrace()
    {
        var run = CliRunner.Invoke(_broken, "translate", CliRunner.Sample("bookinfo.mesh.yaml"), "--to", "broken");

        Assert.Equal(2, run.ExitCode);
        var lines = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("error: unexpected failure in 'mesh translate': InvalidOperationException: the provider has a bug", lines[0].TrimEnd());
        Assert.Equal("Run again with --verbose for the details.", lines[1].TrimEnd());
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void Verbose_AddsTheExceptionDetails()
    {
        var run = CliRunner.Invoke(_broken, "translate", CliRunner.Sample("bookinfo.mesh.yaml"), "--to", "broken", "--verbose");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: unexpected failure in 'mesh translate'", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("System.InvalidOperationException: the provider has a bug", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("   at ", run.Stderr, StringComparison.Ordinal);
    }
}
