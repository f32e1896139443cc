using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Mesh.Cli.Output;
using Mesh.Model;
using Mesh.Rollouts;
using Mesh.Serialization;
using Mesh.Translation;

namespace Mesh.Cli.Commands;

/// <summary>
/// <c>mesh rollout &lt;model.yaml&gt; --service name.ns --stable s --canary c (--weight N | --header name=value | --mirror N)
/// [--to provider] [-o out]</c>: the model of one progressive delivery step (<see cref="Rollout.Apply"/>), as mesh YAML or, with
/// <c>--to</c>, as the provider's manifests.
/// </summary>
internal static class RolloutCommand
{
    public static Command Create(CliContext context)
    {
        var model = new Argument<string>("model") { Description = "The mesh model (YAML or JSON), usually the baseline the rollout started from; '-' reads stdin." };
        var service = new Option<ServiceRef>("--service")
        {
            Description = "The service rolled out, as name.namespace (the host of the route whose rules are stepped).",
            HelpName = "name.namespace",
            Required = true,
            CustomParser = result => result.Tokens.Count == 1 && ServiceRef.TryParse(result.Tokens[0].Value, out var value) ? value : Fail(result, "--service takes a service as name.namespace", default(ServiceRef)),
        };
        var stable = new Option<string>("--stable") { HelpName = "subset", Description = "The subset running the current version: it gets the traffic the canary does not.", Required = true };
        var canary = new Option<string>("--canary") { HelpName = "subset", Description = "The subset running the new version.", Required = true };
        var weight = new Option<int?>("--weight")
        {
            Description = "Step: send N% of the traffic (0-100) to the canary and the rest to the stable.",
            HelpName = "N",
            CustomParser = result => result.Tokens.Count == 1 && int.TryParse(result.Tokens[0].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : Fail(result, "--weight takes a whole percentage, 0-100", (int?)null),
        };
        var header = new Option<(string Name, string Value)?>("--header")
        {
            Description = "Step (A/B test): requests whose header name is exactly value go to the canary, every other request to the stable.",
            HelpName = "name=value",
            CustomParser = result => result.Tokens.Count == 1 && result.Tokens[0].Value.IndexOf('=', StringComparison.Ordinal) is > 0 and var eq
                ? (result.Tokens[0].Value[..eq], result.Tokens[0].Value[(eq + 1)..])
                : Fail(result, "--header takes name=value", ((string, string)?)null),
        };
        var mirror = new Option<decimal?>("--mirror")
        {
            Description = "Step: send all traffic to the stable and a copy of N% of the requests (0-100) to the canary.",
            HelpName = "N",
            CustomParser = result => result.Tokens.Count == 1 && decimal.TryParse(result.Tokens[0].Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : Fail(result, "--mirror takes a percentage, 0-100", (decimal?)null),
        };
        var to = new Option<string?>("--to") { HelpName = "provider", Description = "Write the step as this provider's manifests (see 'mesh capabilities') instead of the stepped model." };
        var output = CommonOptions.Output();
        var strict = CommonOptions.Strict();
        var services = CommonOptions.Services();
        var format = CommonOptions.Format();
        var gatewayClass = CommonOptions.GatewayClass();
        var command = new Command("rollout", "Take one step of a canary rollout: a weight to the canary, an A/B test by header, or a mirror to the canary; only the rules sending the service's traffic to its stable subset change. Writes the stepped model, or with --to the provider's manifests.")
        {
            model, service, stable, canary, weight, header, mirror, to, output, strict, services, format, gatewayClass,
        };
        command.Validators.Add(result =>
        {
            var steps = new Option[] { weight, header, mirror }.Count(o => result.GetResult(o) is not null);
            if (steps != 1) result.AddError($"mesh rollout takes one step: --weight N, --header name=value or --mirror N{(steps == 0 ? "" : $", not {steps.ToString(CultureInfo.InvariantCulture)}")}.");
        });
        command.SetAction(parse =>
        {
            ITranslator? translator = null;
            if (parse.GetValue(to) is { } provider)
            {
                if (!context.TryGetTranslator(provider, out var found)) return ExitCodes.Usage;
                translator = CommonOptions.WithGatewayClass(found, parse.GetValue(gatewayClass));
            }
            var loaded = ModelLoader.Load(parse.GetValue(model)!, context);
            if (loaded.Unreadable) return ExitCodes.Usage;
            if (loaded.Config is null)
            {
                DiagnosticWriter.Write(context, loaded.Diagnostics, parse.GetValue(format));
                return ExitCodes.Errors;
            }

            RolloutStep step = parse.GetValue(weight) is { } w ? RolloutStep.Weight(w)
                : parse.GetValue(header) is { } h ? RolloutStep.Header(h.Name, h.Value)
                : RolloutStep.Mirror(parse.GetValue(mirror)!.Value);
            var rollout = new Rollout { Service = parse.GetValue(service), Stable = parse.GetValue(stable)!, Canary = parse.GetValue(canary)! };
            var stepped = rollout.Apply(loaded.Config, step);
            // Errors point into the model file; notes (a route created) into the stepped model.
            var diagnostics = loaded.Diagnostics.Concat(stepped.Diagnostics.Select(d => d.IsError ? loaded.Locate(d) : d)).ToList();
            if (stepped.Config is not { } config)
            {
                DiagnosticWriter.Write(context, diagnostics, parse.GetValue(format));
                return ExitCodes.Errors;
            }
            if (translator is null)
            {
                DiagnosticWriter.Write(context, diagnostics, parse.GetValue(format));
                ResultWriter.Write(context.Stdout, parse.GetValue(output), $"{config.Name}.mesh.yaml", MeshYaml.Write(config));
                return ExitCodes.Ok;
            }

            // The input was validated and a step keeps a valid model valid.
            var result = translator.Translate(config, new TranslationOptions { Strict = parse.GetValue(strict), Services = parse.GetValue(services), Validate = false });
            DiagnosticWriter.Write(context, [.. diagnostics, .. result.Diagnostics], parse.GetValue(format));
            if (result.HasErrors) return ExitCodes.Errors;
            ResultWriter.Write(context.Stdout, parse.GetValue(output), $"{config.Name}.{translator.Provider}.yaml", translator.WriteYaml(result.Resources));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static T Fail<T>(ArgumentResult result, string expected, T fallback)
    {
        result.AddError($"{expected}, not '{string.Join(" ", result.Tokens.Select(t => t.Value))}'.");
        return fallback;
    }
}
