using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Mesh.Cli.Tests;

/// <summary>
/// The packages as users get them: a project outside the repository restores them from the folder <c>dotnet pack</c> wrote
/// (<c>artifacts/packages</c>, which <c>.ci/run</c> fills before the tests), compiles the README's C# snippets as they are
/// written and runs them; and <c>dotnet tool install</c> installs the <c>mesh</c> command from the same folder. Packages are
/// extracted into a fresh folder each time, so an earlier build of the same version cannot stand in for this one.
/// </summary>
public sealed partial class PackageConsumerTests : IDisposable
{
    private static readonly string Root = Mesh.Testing.TestPaths.RepoRoot;
    private static readonly string Feed = Path.Combine(Root, "artifacts", "packages");
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(8);
    private readonly string _dir = Directory.CreateTempSubdirectory("mesh-consumer-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [GeneratedRegex(@"^Mesh\.Abstractions\.(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)\.nupkg$")]
    private static partial Regex AbstractionsPackage();

    [GeneratedRegex(@"<PackageVersion Include=""([^""]+)"" Version=""([^""]+)""")]
    private static partial Regex PinnedVersion();

    [GeneratedRegex(@"^```csharp\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    /// <summary>The packed version, or a skip naming the command that packs.</summary>
    private static string Version()
    {
        var version = Directory.Exists(Feed)
            ? Directory.GetFiles(Feed, "Mesh.Abstractions.*.nupkg").Select(f => AbstractionsPackage().Match(Path.GetFileName(f))).FirstOrDefault(m => m.Success)?.Groups[1].Value
            : null;
        if (version is null) Assert.Skip("No packed packages in artifacts/packages: run `dotnet pack Mesh.Sdk.sln -c Release -o artifacts/packages` first (.ci/run does).");
        return version!;
    }

    private static string Pinned(string package) =>
        PinnedVersion().Matches(File.ReadAllText(Path.Combine(Root, "Directory.Packages.props"))).First(m => m.Groups[1].Value == package).Groups[2].Value;

    /// <summary>A NuGet.config: the packed folder beside the machine's usual sources, packages extracted under the test folder.</summary>
    private void WriteNuGetConfig()
    {
        File.WriteAllText(Path.Combine(_dir, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config><add key="globalPackagesFolder" value="{Path.Combine(_dir, "packages")}" /></config>
              <packageSources><add key="mesh-sdk-local" value="{Feed}" /></packageSources>
            </configuration>
            """);
    }

    private (int ExitCode, string Output) Run(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { WorkingDirectory = _dir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["NUGET_PACKAGES"] = Path.Combine(_dir, "packages");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{file} {arguments} did not finish within {Limit}.");
        }
        return (process.ExitCode, output.Result + errors.Result);
    }

    [Fact]
    public void TheReadmeSnippets_CompileAndRun_AgainstThePackagesFromAFeed()
    {
        var version = Version();
        WriteNuGetConfig();
        var blocks = CSharpBlock().Matches(File.ReadAllText(Path.Combine(Root, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal)).Select(m => m.Groups[1].Value).ToList();
        Assert.True(blocks.Count >= 3, $"the README has {blocks.Count} C# blocks; this test pastes the model, registry and configuration ones");
        var model = Assert.Single(blocks, b => b.Contains("MeshBuilder.Create", StringComparison.Ordinal));
        var registry = Assert.Single(blocks, b => b.Contains("registry.Get", StringComparison.Ordinal));
        var configuration = Assert.Single(blocks, b => b.Contains("configuration.GetSection", StringComparison.Ordinal));

        File.WriteAllText(Path.Combine(_dir, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Mesh.Providers.Istio" Version="{version}" />
                <PackageReference Include="Mesh.Providers.Consul" Version="{version}" />
                <PackageReference Include="Microsoft.Extensions.DependencyInjection" Version="{Pinned("Microsoft.Extensions.DependencyInjection")}" />
                <PackageReference Include="Microsoft.Extensions.Configuration" Version="{Pinned("Microsoft.Extensions.Configuration")}" />
              </ItemGroup>
            </Project>
            """);
        // The model snippet is the program's top-level code as written; the harness then uses its `mesh`.
        File.WriteAllText(Path.Combine(_dir, "Program.cs"), model + """

            var provided = new ServiceCollection();
            provided.AddMeshSdk().AddIstio();
            using var provider = provided.BuildServiceProvider();
            ReadmeSnippets.Registry(new ServiceCollection(), provider.GetRequiredService<ITranslatorRegistry>(), mesh);
            ReadmeSnippets.Configuration(new ServiceCollection(), new ConfigurationBuilder().Build());
            var istio = new IstioTranslator();
            Console.WriteLine($"problems: {problems.Count}");
            Console.Write(istio.WriteYaml(istio.Translate(mesh).Resources));
            """);
        // The other snippets run where their variables (services, registry, configuration, mesh) are given.
        File.WriteAllText(Path.Combine(_dir, "ReadmeSnippets.cs"), $$"""
            using Mesh.DependencyInjection;
            using Mesh.Model;
            using Mesh.Providers.Consul;
            using Mesh.Providers.Istio;
            using Mesh.Translation;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;

            internal static class ReadmeSnippets
            {
                public static void Registry(IServiceCollection services, ITranslatorRegistry registry, MeshConfig mesh)
                {
            {{registry}}
                }

                public static void Configuration(IServiceCollection services, IConfiguration configuration)
                {
            {{configuration}}
                }
            }
            """);
        File.WriteAllText(Path.Combine(_dir, "Usings.cs"), """
            global using Mesh.DependencyInjection;
            global using Mesh.Providers.Istio;
            global using Mesh.Translation;
            global using Microsoft.Extensions.Configuration;
            global using Microsoft.Extensions.DependencyInjection;
            """);

        var build = Run("dotnet", "build -c Release");
        Assert.True(build.ExitCode == 0, build.Output);
        var run = Run("dotnet", Path.Combine("bin", "Release", "net10.0", "Consumer.dll"));
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("problems: 0", run.Output, StringComparison.Ordinal);
        Assert.Contains("kind: VirtualService", run.Output, StringComparison.Ordinal);
        Assert.Contains("weight: 90", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void TheMeshTool_InstallsFromAFeed_AndTranslatesTheSample()
    {
        var version = Version();
        WriteNuGetConfig();
        var install = Run("dotnet", $"tool install Mesh.Cli --version {version} --tool-path tools --add-source \"{Feed}\"");
        Assert.True(install.ExitCode == 0, install.Output);
        var mesh = Path.Combine(_dir, "tools", OperatingSystem.IsWindows() ? "mesh.exe" : "mesh");
        var translate = Run(mesh, $"translate \"{CliRunner.Sample("bookinfo.mesh.yaml")}\" --to istio");
        Assert.True(translate.ExitCode == 0, translate.Output);
        Assert.Contains("kind: VirtualService", translate.Output, StringComparison.Ordinal);
        var version2 = Run(mesh, "--version");
        Assert.StartsWith(version, version2.Output.Trim(), StringComparison.Ordinal);
    }
}
