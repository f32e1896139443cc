using System.Text;

namespace Mesh.Translation;

/// <summary>Renders providers' capabilities as the Markdown page <c>docs/capabilities.md</c>.</summary>
public static class CapabilityMatrix
{
    /// <summary>The symbol a support level has in the summary table.</summary>
    /// <param name="support">The support level.</param>
    public static string Symbol(CapabilitySupport support) => support switch
    {
        CapabilitySupport.Native => "✓",
        CapabilitySupport.Approximated => "◐",
        _ => "✗",
    };

    /// <summary>Renders the page: a summary matrix, then per provider every non-native feature with its reason.</summary>
    /// <param name="providers">The providers, in column order.</param>
    public static string ToMarkdown(IReadOnlyList<ProviderCapabilities> providers)
    {
        ArgumentNullException.ThrowIfNull(providers);
        var md = new StringBuilder();
        md.Append("# Provider capabilities\n\n");
        md.Append("Generated from the providers' capability data by `mesh capabilities --format markdown`; do not edit by hand ");
        md.Append("(a test fails when this page is stale). ✓ native, ◐ approximated, ✗ unsupported — translating an unsupported ");
        md.Append("feature yields diagnostic `MESH2101`, an approximated one `MESH2102`.\n\n");
        if (providers.Count == 0)
        {
            md.Append("No providers are registered.\n");
            return md.ToString();
        }

        foreach (var area in MeshFeature.All.GroupBy(f => f.Area))
        {
            md.Append("## ").Append(area.Key).Append("\n\n");
            md.Append("| feature | id |");
            foreach (var p in providers) md.Append(' ').Append(p.Provider).Append(" |");
            md.Append("\n|---|---|");
            foreach (var _ in providers) md.Append(":---:|");
            md.Append('\n');
            foreach (var feature in area)
            {
                md.Append("| ").Append(feature.Description).Append(" | `").Append(feature.Id).Append("` |");
                foreach (var p in providers) md.Append(' ').Append(Symbol(p[feature].Support)).Append(" |");
                md.Append('\n');
            }
            md.Append('\n');
        }

        foreach (var p in providers)
        {
            md.Append("## ").Append(p.Provider).Append(": approximations and gaps\n\n");
            var notes = p.All.Where(f => f.Value.Support != CapabilitySupport.Native).ToList();
            if (notes.Count == 0) md.Append("Every feature is native.\n\n");
            foreach (var (feature, capability) in notes)
            {
                md.Append("- ").Append(Symbol(capability.Support)).Append(" `").Append(feature.Id).Append("`: ").Append(capability.Reason ?? "(no reason given)").Append('\n');
            }
            if (notes.Count > 0) md.Append('\n');
        }
        return md.ToString().TrimEnd('\n') + "\n";
    }
}
