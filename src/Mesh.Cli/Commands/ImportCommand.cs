using System.CommandLine;
using Mesh.Cli.Output;
using Mesh.Serialization;

namespace Mesh.Cli.Commands;

/// <summary><c>mesh import &lt;manifest.yaml&gt;... --from &lt;provider&gt;</c>: provider manifests as a mesh model.</summary>
internal static class ImportCommand
{
    public static Command Create(CliContext context)
    {
        var manifests = new Argument<string[]>("manifests") { Description = "Provider manifest files (YAML streams).", Arity = ArgumentArity.OneOrMore };
        var from = new Option<string>("--from") { Description = "The provider the manifests are written for.", Required = true };
        var output = CommonOptions.Output();
        var strict = CommonOptions.Strict();
        var format = CommonOptions.Format();
        var managedOnly = new Option<bool>("--managed-only") { Description = "Read only the objects Mesh SDK wrote (labelled app.kubernetes.io/managed-by: mesh-sdk); the others are named in a note." };
        var command = new Command("import", "Import a provider's manifests into a mesh model; every field not carried over is reported.") { manifests, from, output, strict, format, managedOnly };
        command.SetAction(parse =>
        {
            if (!context.TryGetTranslator(parse.GetValue(from), out var translator)) return ExitCodes.Usage;
            var result = ManifestReader.Import(translator, parse.GetValue(manifests)!, context, parse.GetValue(strict), parse.GetValue(managedOnly));
            if (result is null) return ExitCodes.Usage;
            DiagnosticWriter.Write(context, result.Diagnostics, parse.GetValue(format));
            if (result.Config is null) return ExitCodes.Errors;
            ResultWriter.Write(context.Stdout, parse.GetValue(output), $"{result.Config.Name}.mesh.yaml", MeshYaml.Write(result.Config));
            return ExitCodes.Ok;
        });
        return command;
    }
}
