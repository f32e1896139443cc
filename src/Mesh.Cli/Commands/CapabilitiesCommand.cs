using System.CommandLine;
using System.Text;
using System.Text.Json;
using Mesh.Translation;

namespace Mesh.Cli.Commands;

/// <summary><c>mesh capabilities [--provider p] [--format table|json|markdown]</c>: what each provider can express.</summary>
internal static class CapabilitiesCommand
{
    /// <summary>The output forms.</summary>
    internal enum CapabilityFormat
    {
        Table,
        Json,
        Markdown,
    }

    public static Command Create(CliContext context)
    {
        var provider = new Option<string?>("--provider") { Description = "Only this provider." };
        var format = CommonOptions.Named(new Option<CapabilityFormat>("--format")
        {
            Description = "table (default), json, or markdown (the docs/capabilities.md page).",
            DefaultValueFactory = _ => CapabilityFormat.Table,
        });
        var output = CommonOptions.Output();
        var command = new Command("capabilities", "Show which model features each provider expresses natively, approximately, or not at all.") { provider, format, output };
        command.SetAction(parse =>
        {
            var name = parse.GetValue(provider);
            IReadOnlyList<ProviderCapabilities> selected;
            if (name is null)
            {
                selected = [.. context.Registry.Providers.Select(p => context.Registry.Get(p).Capabilities)];
            }
            else
            {
                if (!context.TryGetTranslator(name, out var translator)) return ExitCodes.Usage;
                selected = [translator.Capabilities];
            }
            var text = parse.GetValue(format) switch
            {
                CapabilityFormat.Json => Json(selected),
                CapabilityFormat.Markdown => CapabilityMatrix.ToMarkdown(selected),
                _ => Table(selected),
            };
            ResultWriter.Write(context.Stdout, parse.GetValue(output), "capabilities.md", text);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Table(IReadOnlyList<ProviderCapabilities> providers)
    {
        if (providers.Count == 0) return "No providers are registered.\n";
        var width = MeshFeature.All.Max(f => f.Id.Length) + 2;
        var text = new StringBuilder();
        text.Append("feature".PadRight(width));
        foreach (var p in providers) text.Append(p.Provider.Value.PadRight(14));
        text.Append('\n');
        foreach (var feature in MeshFeature.All)
        {
            text.Append(feature.Id.PadRight(width));
            foreach (var p in providers) text.Append(p[feature].Support.ToString().ToLowerInvariant().PadRight(14));
            text.Append('\n');
        }
        return text.ToString();
    }

    private static string Json(IReadOnlyList<ProviderCapabilities> providers)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            foreach (var p in providers)
            {
                json.WriteStartObject(p.Provider.Value);
                foreach (var (feature, capability) in p.All)
                {
                    json.WriteStartObject(feature.Id);
                    json.WriteString("support", capability.Support.ToString().ToLowerInvariant());
                    if (capability.Reason is not null) json.WriteString("reason", capability.Reason);
                    json.WriteEndObject();
                }
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
