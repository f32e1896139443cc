using System.Diagnostics;
using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Mesh.Cli.Tests;

/// <summary>
/// The packages as users get them: a project outside the repository restores them from the folder <c>dotnet pack</c> wrote
/// (<c>artifacts/packages</c>, which <c>.ci/run</c> fills before the tests), compiles the README's C# snippets as they are
/// written and runs them, and compiles every guide's (<c>docs/getting-started.md</c>, <c>docs/providers/</c>, …);
/// <c>dotnet tool install</c> installs the <c>mesh</c> command from the same folder; and every package is opened to check its
/// icon, README, licence, symbols and Source Link. Packages are extracted into a fresh folder each time, so an earlier build of
/// the same version cannot stand in for this one. The version is never assumed: it is read from the packed file names.
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

    /// <summary>
    /// The packed version — whatever MinVer made of the git tags (0.1.0-alpha.0.N on an untagged history), read from the
    /// newest Mesh.Abstractions package in the folder — or a skip naming the command that packs.
    /// </summary>
    private static string Version()
    {
        var version = Directory.Exists(Feed)
            ? new DirectoryInfo(Feed).GetFiles("Mesh.Abstractions.*.nupkg").OrderByDescending(f => f.LastWriteTimeUtc)
                .Select(f => AbstractionsPackage().Match(f.Name)).FirstOrDefault(m => m.Success)?.Groups[1].Value
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
        // The tool reports the version it was packed as (MinVer's, with the commit after a '+').
        var reported = Run(mesh, "--version");
        Assert.True(reported.ExitCode == 0, reported.Output);
        Assert.Matches($@"^{Regex.Escape(version)}(\+[0-9a-f]{{40}})?$", reported.Output.Trim());
    }

    /// <summary>The guides whose C# snippets <see cref="TheGuidesSnippets_CompileAgainstThePackagesFromAFeed"/> compiles.</summary>
    private static IEnumerable<string> Guides() =>
        new[] { "getting-started.md", "xds-embedding.md", "migration.md", "compliance.md" }.Select(f => Path.Combine(Root, "docs", f))
            .Concat(Directory.GetFiles(Path.Combine(Root, "docs", "providers"), "*.md").Order(StringComparer.Ordinal));

    [GeneratedRegex(@"^using [A-Za-z0-9_.]+( = [A-Za-z0-9_.<>]+)?;\s*$")]
    private static partial Regex UsingDirective();

    [Fact]
    public void TheGuidesSnippets_CompileAgainstThePackagesFromAFeed()
    {
        var version = Version();
        WriteNuGetConfig();
        // Each snippet is copyable on its own: its using directives go to the top of a file of its own, the rest becomes the body
        // of a method, and #line points compiler errors at the guide's own line.
        var snippets = new List<string>();
        foreach (var guide in Guides())
        {
            var relative = Path.GetRelativePath(Root, guide).Replace('\\', '/');
            var text = File.ReadAllText(guide).Replace("\r\n", "\n", StringComparison.Ordinal);
            var blocks = CSharpBlock().Matches(text).ToList();
            Assert.True(blocks.Count > 0, $"{relative} has no C# snippet");
            foreach (var block in blocks)
            {
                var firstLine = text.AsSpan(0, block.Groups[1].Index).Count('\n') + 1;
                var lines = block.Groups[1].Value.TrimEnd('\n').Split('\n');
                var usings = lines.TakeWhile(l => UsingDirective().IsMatch(l) || l.Length == 0).ToList();
                var body = lines.Skip(usings.Count);
                var name = $"Snippet{snippets.Count:D2}";
                snippets.Add(name);
                File.WriteAllText(Path.Combine(_dir, $"{name}.cs"), $$"""
                    {{string.Join('\n', usings)}}

                    internal static class {{name}}
                    {
                        public static async Task Run()
                        {
                            await Task.CompletedTask;
                    #line {{firstLine + usings.Count}} "{{relative}}"
                    {{string.Join('\n', body)}}
                    #line default
                        }
                    }
                    """);
            }
        }

        File.WriteAllText(Path.Combine(_dir, "Guides.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <!-- Snippets show a step, not a program: unused locals and local functions are expected. -->
                <NoWarn>$(NoWarn);CS0168;CS0219;CS8321</NoWarn>
              </PropertyGroup>
              <ItemGroup>
            {string.Join("\n", Packages(version).Where(p => p.Id != "Mesh.Cli").Select(p => $"""    <PackageReference Include="{p.Id}" Version="{version}" />"""))}
                <PackageReference Include="Microsoft.Extensions.DependencyInjection" Version="{Pinned("Microsoft.Extensions.DependencyInjection")}" />
                <PackageReference Include="Microsoft.Extensions.Configuration" Version="{Pinned("Microsoft.Extensions.Configuration")}" />
              </ItemGroup>
            </Project>
            """);
        var build = Run("dotnet", "build -c Release");
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.True(snippets.Count >= 12, $"only {snippets.Count} snippets were compiled");
    }

    /// <summary>Every project under src/ packed at <paramref name="version"/>: (package id, .nupkg path, .snupkg path).</summary>
    private static List<(string Id, string Package, string Symbols)> Packages(string version) =>
        Directory.GetDirectories(Path.Combine(Root, "src")).Select(Path.GetFileName).Order(StringComparer.Ordinal)
            .Select(id => (id!, Path.Combine(Feed, $"{id}.{version}.nupkg"), Path.Combine(Feed, $"{id}.{version}.snupkg"))).ToList();

    private static XElement Nuspec(ZipArchive package, string id)
    {
        using var stream = package.GetEntry($"{id}.nuspec")!.Open();
        return XElement.Load(stream);
    }

    private static string? Metadata(XElement nuspec, string name) => nuspec.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

    private static XElement? MetadataElement(XElement nuspec, string name) => nuspec.Descendants().FirstOrDefault(e => e.Name.LocalName == name);

    [Fact]
    public void EveryPackage_CarriesTheIcon_AReadme_TheLicenceExpression_AndSymbols()
    {
        var version = Version();
        foreach (var (id, path, symbols) in Packages(version))
        {
            Assert.True(File.Exists(path), $"{id} was not packed at {version}: {Path.GetFileName(path)} is not in artifacts/packages");
            Assert.True(File.Exists(symbols), $"{id} has no symbol package {Path.GetFileName(symbols)}");
            using var package = ZipFile.OpenRead(path);
            var nuspec = Nuspec(package, id);
            Assert.Equal(version, Metadata(nuspec, "version"));

            var icon = Metadata(nuspec, "icon");
            Assert.True(icon == "icon.png", $"{id}: <icon> is '{icon}'");
            using (var png = new BinaryReader(package.GetEntry(icon)!.Open()))
            {
                // PNG signature, then the IHDR chunk: width and height, big-endian.
                var header = png.ReadBytes(24);
                Assert.True(header.AsSpan(0, 8).SequenceEqual(PngSignature), $"{id}: icon.png is not a PNG");
                Assert.Equal(128, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(16)));
                Assert.Equal(128, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(20)));
            }

            var readme = Metadata(nuspec, "readme");
            Assert.True(readme == "README.md", $"{id}: <readme> is '{readme}'");
            using (var text = new StreamReader(package.GetEntry(readme)!.Open()))
            {
                Assert.StartsWith($"# {id}", text.ReadToEnd(), StringComparison.Ordinal);
            }

            var license = MetadataElement(nuspec, "license");
            Assert.True(license is not null && license.Attribute("type")?.Value == "expression" && license.Value == "MIT", $"{id}: <license> is {license}");
            var repository = MetadataElement(nuspec, "repository");
            Assert.True(repository?.Attribute("url")?.Value is { Length: > 0 }, $"{id}: the nuspec names no repository");
            Assert.False(string.IsNullOrEmpty(Metadata(nuspec, "projectUrl")), $"{id}: the nuspec has no projectUrl");
            Assert.False(string.IsNullOrEmpty(Metadata(nuspec, "description")), $"{id}: the nuspec has no description");
        }
    }

    /// <summary>The hosts whose Source Link providers ship in the .NET SDK.</summary>
    private static readonly string[] SourceLinkHosts = ["github.com", "gitlab.com", "dev.azure.com", "visualstudio.com", "bitbucket.org"];

    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");
    private static readonly Guid EmbeddedSourceKind = new("0E8A571B-6926-466E-B4AD-8AB04611F5FE");

    private string? Origin()
    {
        var start = new ProcessStartInfo("git", "remote get-url origin") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        try
        {
            using var git = Process.Start(start)!;
            var url = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 && url.Length > 0 ? url : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no git on PATH
        }
    }

    [Fact]
    public void EveryPackagesSymbols_MatchItsAssembly_AndCarrySourceLinkToThePackedCommit()
    {
        var version = Version();
        var origin = Origin();
        var hosted = origin is not null && SourceLinkHosts.Any(h => origin.Contains(h, StringComparison.OrdinalIgnoreCase));
        var unmapped = new List<string>();
        foreach (var (id, path, symbols) in Packages(version))
        {
            using var package = ZipFile.OpenRead(path);
            using var symbolPackage = ZipFile.OpenRead(symbols);
            var repository = MetadataElement(Nuspec(package, id), "repository");
            var commit = repository?.Attribute("commit")?.Value;

            var assemblyEntry = Assert.Single(package.Entries, e => e.Name == $"{AssemblyName(id)}.dll");
            var pdbEntry = Assert.Single(symbolPackage.Entries, e => e.Name == $"{AssemblyName(id)}.pdb");

            // The symbol package's PDB is the one the packed assembly was built with (same PDB id in its CodeView entry).
            using var assembly = new PEReader(new MemoryStream(Read(assemblyEntry)));
            var codeView = assembly.ReadCodeViewDebugDirectoryData(assembly.ReadDebugDirectory().Single(d => d.Type == DebugDirectoryEntryType.CodeView));
            using var pdbProvider = MetadataReaderProvider.FromPortablePdbStream(new MemoryStream(Read(pdbEntry)));
            var pdb = pdbProvider.GetMetadataReader();
            Assert.Equal(codeView.Guid, new BlobContentId(pdb.DebugMetadataHeader!.Id).Guid);

            var sourceLink = pdb.GetCustomDebugInformation(EntityHandle.ModuleDefinition).Select(pdb.GetCustomDebugInformation)
                .Where(c => pdb.GetGuid(c.Kind) == SourceLinkKind).Select(c => pdb.GetBlobBytes(c.Value)).FirstOrDefault();
            if (sourceLink is null)
            {
                unmapped.Add(id);
                continue;
            }
            // {"documents":{"/_/*":"https://raw.githubusercontent.com/<owner>/<repo>/<commit>/*"}}: the packed commit's sources.
            using var json = JsonDocument.Parse(sourceLink);
            var targets = json.RootElement.GetProperty("documents").EnumerateObject().Select(p => p.Value.GetString()!).ToList();
            Assert.NotEmpty(targets);
            Assert.True(commit is not null && targets.All(t => t.Contains(commit, StringComparison.Ordinal)), $"{id}: Source Link maps to {string.Join(", ", targets)}, not to the packed commit {commit}");
            // Untracked sources (generated in obj/) are embedded, so a debugger has every document.
            var embedded = pdb.Documents.Count(d => pdb.GetCustomDebugInformation(d).Any(c => pdb.GetGuid(pdb.GetCustomDebugInformation(c).Kind) == EmbeddedSourceKind));
            Assert.True(embedded > 0, $"{id}: no source is embedded in the PDB (EmbedUntrackedSources)");
        }

        if (unmapped.Count == 0) return;
        Assert.False(hosted, $"the clone's origin is {origin}, a host the SDK's Source Link supports, yet the PDBs of {string.Join(", ", unmapped)} carry no Source Link");
        Assert.Skip($"Source Link not checked: the clone's origin is {(origin is null ? "absent" : $"'{origin}'")}, not a GitHub, GitLab, Azure Repos or Bitbucket URL, so the SDK maps no sources " +
            $"and the PDBs of {string.Join(", ", unmapped)} carry none (their assemblies and PDB ids were checked). Pack from a clone of the hosted repository to check it.");
    }

    /// <summary>The assembly a package ships: its id, except the tool's (<c>mesh</c>).</summary>
    private static string AssemblyName(string id) => id == "Mesh.Cli" ? "mesh" : id;

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
