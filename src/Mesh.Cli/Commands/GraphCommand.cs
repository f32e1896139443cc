using System.CommandLine;
using System.Diagnostics;
using Mesh.Cli.Output;
using Mesh.Graph;

namespace Mesh.Cli.Commands;

/// <summary>
/// <c>mesh graph &lt;model.yaml&gt;</c> or <c>mesh graph &lt;manifest.yaml&gt;... --from p</c>: the mesh as a picture
/// (<see cref="MeshGraph"/>) in Mermaid or DOT, or SVG through Graphviz's <c>dot</c> when it is installed.
/// </summary>
internal static class GraphCommand
{
    /// <summary>What <c>--format</c> takes.</summary>
    internal enum PictureFormat
    {
        /// <summary>A Mermaid flowchart.</summary>
        Mermaid,

        /// <summary>Graphviz DOT.</summary>
        Dot,

        /// <summary>SVG, rendered by Graphviz's <c>dot</c> (which must be on PATH).</summary>
        Svg,
    }

    /// <summary>How long <c>dot</c> may take before the command gives up on it.</summary>
    private static readonly TimeSpan DotTimeout = TimeSpan.FromSeconds(60);

    public static Command Create(CliContext context)
    {
        var inputs = new Argument<string[]>("inputs") { Description = "A mesh model (YAML or JSON), or with --from the provider manifest files.", Arity = ArgumentArity.OneOrMore };
        var from = new Option<string?>("--from") { Description = "Read provider manifests of this provider (imported first) instead of a model." };
        var format = CommonOptions.Named(new Option<PictureFormat>("--format")
        {
            Description = "The picture: mermaid (for Markdown and pull requests), dot (Graphviz) or svg (rendered by Graphviz's dot, which must be installed).",
            DefaultValueFactory = _ => PictureFormat.Mermaid,
        });
        var ns = new Option<string?>("--namespace") { Description = "Draw only this namespace's services and policies, and what they route to or are called by." };
        var output = CommonOptions.Output();
        var command = new Command("graph", "Draw the mesh: services and subsets, routes with their matches and shares, mirrors, external services, policies and who may call whom.") { inputs, from, format, ns, output };
        command.SetAction(parse =>
        {
            var source = ModelSource.Load(parse.GetValue(inputs)!, parse.GetValue(from), "graph", context, OutputFormat.Text);
            if (source.Config is null) return source.Exit;
            DiagnosticWriter.Write(context, [.. source.Diagnostics.Where(d => d.IsError)], OutputFormat.Text);
            var picture = parse.GetValue(format);
            var text = MeshGraph.Render(source.Config, new MeshGraphOptions
            {
                Format = picture == PictureFormat.Mermaid ? GraphFormat.Mermaid : GraphFormat.Dot,
                Namespace = parse.GetValue(ns),
            });
            if (picture == PictureFormat.Svg)
            {
                if (Svg(text, context) is not { } svg) return ExitCodes.Errors;
                text = svg;
            }
            var extension = picture switch { PictureFormat.Mermaid => "mmd", PictureFormat.Dot => "dot", _ => "svg" };
            ResultWriter.Write(context.Stdout, parse.GetValue(output), $"{source.Config.Name}.{extension}", text);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// Graphviz's spline router fails on some layouts (self-loops with labels inside clusters: "triangulation failed", or a
    /// crash, in Graphviz 2.43); curved edges, then curved edges with the newer ranking, route those graphs with their labels.
    /// </summary>
    private static readonly string[] DotAttempts = ["-Tsvg", "-Tsvg -Gsplines=curved", "-Tsvg -Gsplines=curved -Gnewrank=true"];

    /// <summary>The SVG Graphviz's <c>dot</c> renders from <paramref name="dot"/>, or null (reported) when it is missing or fails.</summary>
    private static string? Svg(string dot, CliContext context)
    {
        string? lastError = null;
        foreach (var arguments in DotAttempts)
        {
            var (svg, error, fatal) = RunDot(arguments, dot, context);
            if (svg is not null)
            {
                if (lastError is not null) context.Stderr.WriteLine($"info: Graphviz's dot could not route the edges as splines ({lastError}); the picture was drawn with {arguments[6..]}.");
                return svg;
            }
            if (fatal) return null;
            lastError = error;
        }
        context.Stderr.WriteLine($"error: Graphviz's dot failed: {lastError}");
        return null;
    }

    /// <summary>One run of dot: the SVG, or the error (fatal when dot is missing or hangs: no other attempt can help).</summary>
    private static (string? Svg, string? Error, bool Fatal) RunDot(string arguments, string dot, CliContext context)
    {
        Process process;
        try
        {
            process = Process.Start(new ProcessStartInfo("dot", arguments)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            })!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            context.Stderr.WriteLine("error: --format svg needs Graphviz's 'dot' on PATH (Debian/Ubuntu: apt-get install graphviz). --format dot writes the graph for rendering elsewhere.");
            return (null, null, true);
        }
        using (process)
        {
            var svg = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            try
            {
                process.StandardInput.Write(dot);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // dot exited before reading everything (it crashed); its exit code says so below.
            }
            if (!process.WaitForExit(DotTimeout))
            {
                process.Kill(entireProcessTree: true);
                context.Stderr.WriteLine($"error: Graphviz's dot did not finish within {DotTimeout.TotalSeconds:0} s.");
                return (null, null, true);
            }
            if (process.ExitCode != 0)
            {
                var first = errors.Result.Trim().Split('\n')[0];
                return (null, $"exit {process.ExitCode}{(first.Length > 0 ? ": " + first : string.Empty)}", false);
            }
            return (svg.Result, null, false);
        }
    }
}
