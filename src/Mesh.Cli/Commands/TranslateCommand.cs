using System.CommandLine;
using Mesh.Cli.Output;
using Mesh.Translation;

namespace Mesh.Cli.Commands;

/// <summary><c>mesh translate &lt;model.yaml&gt; --to &lt;provider&gt;</c>: the model as the provider's manifests.</summary>
internal static class TranslateCommand
{
    public static Command Create(CliContext context)
    {
        var model = new Argument<string>("model") { Description = "The mesh model (YAML or JSON)." };
        var to = new Option<string>("--to") { Description = "The target provider (see 'mesh capabilities').", Required = true };
        var output = CommonOptions.Output();
        var strict = CommonOptions.Strict();
        var services = CommonOptions.Services();
        var format = CommonOptions.Format();
        var gatewayClass = CommonOptions.GatewayClass();
        var command = new Command("translate", "Translate a mesh model to a provider's native configuration.") { model, to, output, strict, services, format, gatewayClass };
        command.SetAction(parse =>
        {
            if (!context.TryGetTranslator(parse.GetValue(to), out var translator)) return ExitCodes.Usage;
            translator = CommonOptions.WithGatewayClass(translator, parse.GetValue(gatewayClass));
            var loaded = ModelLoader.Load(parse.GetValue(model)!, context);
            if (loaded.Unreadable) return ExitCodes.Usage;
            if (loaded.Config is null)
            {
                DiagnosticWriter.Write(context, loaded.Diagnostics, parse.GetValue(format));
                return ExitCodes.Errors;
            }

            // Validated by ModelLoader, with the diagnostics located in the file.
            var result = translator.Translate(loaded.Config, new TranslationOptions { Strict = parse.GetValue(strict), Services = parse.GetValue(services), Validate = false });
            DiagnosticWriter.Write(context, [.. loaded.Diagnostics, .. result.Diagnostics], parse.GetValue(format));
            if (result.HasErrors) return ExitCodes.Errors;

            ResultWriter.Write(context.Stdout, parse.GetValue(output), $"{loaded.Config.Name}.{translator.Provider}.yaml", translator.WriteYaml(result.Resources));
            return ExitCodes.Ok;
        });
        return command;
    }
}
