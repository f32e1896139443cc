using System.CommandLine;
using Mesh.Cli.Commands;
using Mesh.Cli.Composition;
using Mesh.Translation;
using Microsoft.Extensions.DependencyInjection;

namespace Mesh.Cli;

/// <summary>The <c>mesh</c> command: the root command and its subcommands, runnable in-process (tests call <see cref="Run"/>).</summary>
internal static class MeshCli
{
    /// <summary>Parses and runs a command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where diagnostics and usage errors go.</param>
    /// <param name="services">The services to use; null builds the default composition (every provider package).</param>
    /// <param name="stdin">What an input named <c>-</c> reads; null when there is none.</param>
    /// <param name="colour">Whether diagnostics colour their severity.</param>
    /// <returns>The exit code: 0 ok, 1 errors, 2 usage, 3 drift (<c>diff</c>).</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, IServiceProvider? services = null, TextReader? stdin = null, bool colour = false)
    {
        using var owned = services is null ? CliServices.Build() : null;
        var provider = services ?? owned!;
        var context = new CliContext(stdout, stderr, provider.GetRequiredService<ITranslatorRegistry>(), stdin, colour);

        var providers = context.Registry.Providers.Count == 0 ? "no provider registered" : string.Join(", ", context.Registry.Providers);
        var root = new RootCommand($"Validate mesh models, translate them to a mesh's configuration ({providers}), import and migrate between meshes, compare configurations by behaviour, step canary rollouts, and encode Envoy xDS.");
        root.Subcommands.Add(ValidateCommand.Create(context));
        root.Subcommands.Add(TranslateCommand.Create(context));
        root.Subcommands.Add(ImportCommand.Create(context));
        root.Subcommands.Add(MigrateCommand.Create(context));
        root.Subcommands.Add(AnalyzeCommand.Create(context));
        root.Subcommands.Add(CheckCommand.Create(context));
        root.Subcommands.Add(GraphCommand.Create(context));
        root.Subcommands.Add(DiffCommand.Create(context));
        root.Subcommands.Add(RolloutCommand.Create(context));
        root.Subcommands.Add(CapabilitiesCommand.Create(context));
        root.Subcommands.Add(XdsCommand.Create(context));
        root.Subcommands.Add(ServeXdsCommand.Create(context));
        var verbose = new Option<bool>("--verbose") { Description = "On an unexpected failure, print its details (exception and stack trace) after the one-line error.", Recursive = true };
        root.Options.Add(verbose);

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) stderr.WriteLine($"error: {error.Message}");
            if (args.Length > 0 && !args[0].StartsWith('-') && root.Subcommands.All(c => c.Name != args[0])
                && Output.Suggestions.Closest(args[0], root.Subcommands.Select(c => c.Name)) is { } command)
            {
                stderr.WriteLine($"Did you mean 'mesh {command}'?");
            }
            stderr.WriteLine("Run 'mesh --help' for usage.");
            return ExitCodes.Usage;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file that cannot be read or written is the user's to fix: one line, no stack trace.
            stderr.WriteLine($"error: {e.Message}");
            if (parse.GetValue(verbose)) stderr.WriteLine(e);
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug of ours (or of a provider package) is still one line; the details are there for a bug report.
            stderr.WriteLine($"error: unexpected failure in 'mesh {parse.CommandResult.Command.Name}': {e.GetType().Name}: {FirstLine(e.Message)}");
            if (parse.GetValue(verbose)) stderr.WriteLine(e);
            else stderr.WriteLine("Run again with --verbose for the details.");
            return ExitCodes.Usage;
        }
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
