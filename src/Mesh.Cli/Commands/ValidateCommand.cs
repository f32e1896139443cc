using System.CommandLine;
using Mesh.Cli.Output;

namespace Mesh.Cli.Commands;

/// <summary><c>mesh validate &lt;model.yaml&gt;</c>: reads and validates a model; exit 1 on errors.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var model = new Argument<string>("model") { Description = "The mesh model (YAML or JSON)." };
        var format = CommonOptions.Format();
        var command = new Command("validate", "Validate a mesh model and print every problem with its path.") { model, format };
        command.SetAction(parse =>
        {
            var loaded = ModelLoader.Load(parse.GetValue(model)!, context);
            if (loaded.Unreadable) return ExitCodes.Usage;
            DiagnosticWriter.Write(context, loaded.Diagnostics, parse.GetValue(format));
            if (loaded.Config is null) return ExitCodes.Errors;

            var c = loaded.Config;
            context.Stdout.WriteLine(
                $"valid: {c.Name} ({c.Services.Count} services, {c.Routes.Count} HTTP routes, {c.TcpRoutes.Count} TCP routes, " +
                $"{c.DestinationPolicies.Count} destination policies, {c.Mtls.Count} mTLS policies, {c.AccessPolicies.Count} access policies, " +
                $"{c.RequestAuthentications.Count} request authentications, " +
                $"{c.ExternalServices.Count} external services)");
            return ExitCodes.Ok;
        });
        return command;
    }
}
