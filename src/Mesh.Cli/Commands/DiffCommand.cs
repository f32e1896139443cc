using System.CommandLine;
using Mesh.Analysis;
using Mesh.Cli.Output;
using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Translation;

namespace Mesh.Cli.Commands;

/// <summary>
/// <c>mesh diff &lt;desired&gt; &lt;live&gt; [--from p]</c>: the semantic difference between two configurations
/// (<see cref="MeshDiff"/>), each a mesh model or, with <c>--from</c>, a provider's manifests imported first. Changes go to
/// stdout, diagnostics to stderr; exit 0 when nothing differs in behaviour, 3 on drift, 1 when a side cannot be read into a
/// valid model, 2 on usage errors.
/// </summary>
internal static class DiffCommand
{
    public static Command Create(CliContext context)
    {
        var desired = new Argument<string>("desired") { Description = "The configuration as it should be: a mesh model, or provider manifests with --from ('-' reads stdin)." };
        var live = new Argument<string>("live") { Description = "The configuration as it is, e.g. 'kubectl get svc,virtualservice,destinationrule -A -o yaml' ('-' reads stdin)." };
        var from = new Option<string?>("--from", "--provider")
        {
            Description = "The provider a side's manifests are written for; a side that is a mesh model (kind: Mesh) is read as one. Without it both sides are models.",
        };
        var strict = new Option<bool>("--strict") { Description = "Fail when manifests hold anything the model cannot carry (it could not be compared)." };
        var format = CommonOptions.Named(new Option<OutputFormat>("--format")
        {
            Description = "How changes (stdout) and diagnostics (stderr) are printed: text or json.",
            DefaultValueFactory = _ => OutputFormat.Text,
        });
        var managedOnly = new Option<bool>("--managed-only")
        {
            Description = "Read only the objects Mesh SDK wrote (labelled app.kubernetes.io/managed-by: mesh-sdk) from manifests, leaving hand-written configuration out of the comparison.",
        };
        var graph = new Option<string?>("--graph")
        {
            Description = "Also write the desired configuration as a picture with the changed rules and policies highlighted: Mermaid, or Graphviz DOT when the file ends in .dot.",
        };
        var command = new Command("diff", "Compare a desired configuration with a live one by behaviour: changes per service, route rule and policy, with paths and old → new values; exit 3 on drift.")
        {
            desired, live, from, strict, managedOnly, format, graph,
        };
        command.SetAction(parse =>
        {
            ITranslator? translator = null;
            if (parse.GetValue(from) is { } provider && !context.TryGetTranslator(provider, out translator)) return ExitCodes.Usage;
            var stdinRead = false;
            var importOptions = new ImportOptions { Strict = parse.GetValue(strict), ManagedOnly = parse.GetValue(managedOnly) };
            var left = DiffInput.Load(parse.GetValue(desired)!, "desired", translator, importOptions, context, ref stdinRead);
            if (left is null) return ExitCodes.Usage;
            var right = DiffInput.Load(parse.GetValue(live)!, "live", translator, importOptions, context, ref stdinRead);
            if (right is null) return ExitCodes.Usage;

            var diagnostics = new List<Diagnostic>([.. left.Diagnostics, .. right.Diagnostics]);
            if (left.Config is null || right.Config is null || diagnostics.Any(d => d.IsError))
            {
                DiagnosticWriter.Write(context, diagnostics, parse.GetValue(format));
                return ExitCodes.Errors;
            }
            var desiredConfig = Complete(left, right, diagnostics);
            var liveConfig = Complete(right, left, diagnostics);
            DiagnosticWriter.Write(context, diagnostics, parse.GetValue(format));

            var result = MeshDiff.Compare(desiredConfig, liveConfig);
            ChangeWriter.Write(context.Stdout, result, parse.GetValue(format), left.Sources, right.Sources);
            if (parse.GetValue(graph) is { } picture)
            {
                var options = new Mesh.Graph.MeshGraphOptions
                {
                    Format = picture.EndsWith(".dot", StringComparison.OrdinalIgnoreCase) ? Mesh.Graph.GraphFormat.Dot : Mesh.Graph.GraphFormat.Mermaid,
                    Highlight = [.. result.Changes.Select(c => c.DesiredPath).OfType<string>()],
                };
                ResultWriter.Write(context.Stdout, picture, $"{desiredConfig.Name}.diff.{(options.Format == Mesh.Graph.GraphFormat.Dot ? "dot" : "mmd")}", Mesh.Graph.MeshGraph.Render(desiredConfig, options));
            }
            return result.HasChanges ? ExitCodes.Drift : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// The model of <paramref name="side"/>, where it was imported from manifests without the Kubernetes Service of a service the
    /// other side knows, with that service's selector and ports taken from the other side (subsets stay this side's): manifests
    /// of meshes that route to Services by name (Istio, Gateway API, Linkerd, …) do not say which pods a Service selects or
    /// where its ports forward, so there is nothing to compare. Each such side is named in one information.
    /// </summary>
    private static MeshConfig Complete(DiffInput side, DiffInput other, List<Diagnostic> diagnostics)
    {
        var config = side.Config!;
        if (side.Provider is null) return config;
        var taken = new List<string>();
        var known = new Dictionary<ServiceRef, MeshService>();
        foreach (var service in other.Config!.Services) known.TryAdd(service.Reference, service);
        var services = new List<MeshService>(config.Services.Count);
        foreach (var service in config.Services)
        {
            if (side.Knows(service.Reference) || !other.Knows(service.Reference) || !known.TryGetValue(service.Reference, out var there))
            {
                services.Add(service);
                continue;
            }
            taken.Add(service.Reference.ToString());
            services.Add(service with { Selector = there.Selector, Ports = there.Ports });
        }
        if (taken.Count == 0) return config;
        diagnostics.Add(Diagnostic.Info(DiagnosticCodes.ServiceInferred, "$.spec.services",
            $"The {side.Label} manifests hold no Kubernetes Service for {string.Join(", ", taken)}: their selectors and ports are taken from the {other.Label} side, so they are not compared (add the Services to the input, e.g. 'kubectl get svc', to compare them).")
            with { Provider = side.Provider });
        return config with { Services = [.. services] };
    }
}
