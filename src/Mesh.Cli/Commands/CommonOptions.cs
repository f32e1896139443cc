using Mesh.Translation;
using System.CommandLine;
using Mesh.Cli.Output;

namespace Mesh.Cli.Commands;

/// <summary>Options shared by several commands.</summary>
internal static class CommonOptions
{
    public static Option<OutputFormat> Format() => Named(new Option<OutputFormat>("--format")
    {
        Description = "How diagnostics are printed: text (severity code path: message) or json.",
        DefaultValueFactory = _ => OutputFormat.Text,
    });

    /// <summary>
    /// Gives an enum option lower-case value names in help and a one-line error naming them (System.CommandLine's own names
    /// the .NET type: "as expected type 'Mesh.Cli.Output.OutputFormat'").
    /// </summary>
    public static Option<T> Named<T>(Option<T> option)
        where T : struct, Enum
    {
        option.HelpName = ValueNames<T>("|");
        option.CustomParser = result => Parse<T>(result, option.Name) ?? default;
        return option;
    }

    /// <summary>The same for an optional enum option (absent = null).</summary>
    public static Option<T?> Named<T>(Option<T?> option)
        where T : struct, Enum
    {
        option.HelpName = ValueNames<T>("|");
        option.CustomParser = result => Parse<T>(result, option.Name);
        return option;
    }

    private static string ValueNames<T>(string separator)
        where T : struct, Enum =>
        string.Join(separator, Enum.GetNames<T>().Select(n => n.ToLowerInvariant()));

    private static T? Parse<T>(System.CommandLine.Parsing.ArgumentResult result, string option)
        where T : struct, Enum
    {
        if (result.Tokens.Count == 1 && Enum.TryParse<T>(result.Tokens[0].Value, ignoreCase: true, out var value) && Enum.IsDefined(value)) return value;
        result.AddError($"{option} takes {ValueNames<T>(", ")}, not '{string.Join(" ", result.Tokens.Select(t => t.Value))}'.");
        return null;
    }

    public static Option<string?> Output()
    {
        var option = new Option<string?>("--output", "-o")
        {
            Description = "Write the result to this file (or into this existing directory; its parent directories are created) instead of stdout ('-').",
        };
        option.Validators.Add(NotAFormatName);
        return option;
    }

    /// <summary>The words <c>--format</c> options take: <c>-o json</c> is almost always meant as <c>--format json</c>.</summary>
    private static readonly string[] FormatNames = ["json", "yaml", "yml", "text", "markdown", "md", "pb"];

    /// <summary>Refuses <c>-o json</c> (and the other format words) unless a file or directory of that name exists.</summary>
    internal static void NotAFormatName(System.CommandLine.Parsing.OptionResult result)
    {
        if (result.Tokens.Count != 1) return;
        var value = result.Tokens[0].Value;
        if (!FormatNames.Contains(value, StringComparer.OrdinalIgnoreCase) || File.Exists(value) || Directory.Exists(value)) return;
        result.AddError($"{result.IdentifierToken?.Value ?? "-o"} {value} would write a file named '{value}': for the format use --format {value.ToLowerInvariant()}; for that file name use ./{value}.");
    }

    /// <summary><c>--services none|subsets|all</c>: which core v1 Services a Kubernetes provider writes (default: the provider's own).</summary>
    public static Option<Mesh.Translation.ServiceOutput?> Services() => new("--services")
    {
        Description = "Which Kubernetes Services to write: none, subsets (a leaf Service per subset routed to) or all (every service too). Default: the provider's (subsets for gateway-api and linkerd, none for istio; subsets for appmesh, where every subset gets one: its virtual node is found by that name; subsets for osm).",
        CustomParser = result => result.Tokens.Count == 1 && Enum.TryParse<Mesh.Translation.ServiceOutput>(result.Tokens[0].Value, ignoreCase: true, out var value)
            ? value
            : Fail(result),
    };

    private static Mesh.Translation.ServiceOutput? Fail(System.CommandLine.Parsing.ArgumentResult result)
    {
        result.AddError($"--services takes none, subsets or all, not '{string.Join(" ", result.Tokens.Select(t => t.Value))}'.");
        return null;
    }

    /// <summary><c>--gateway-class NAME</c>: the gateway class written for model gateways that name none (Gateway API).</summary>
    public static Option<string?> GatewayClass() => new("--gateway-class")
    {
        Description = "The gatewayClassName written for gateways that name no className (gateway-api, and linkerd, which writes gateways as Gateway API Gateways for the cluster's ingress): the implementation that provisions them, e.g. istio or envoy-gateway. Without it such gateways are not written (reported). For consul it replaces the default class, consul (Consul's API gateway).",
    };

    /// <summary>The translator with <paramref name="gatewayClass"/> as its default gateway class, where the provider writes Gateway API Gateways.</summary>
    public static Mesh.Translation.ITranslator WithGatewayClass(Mesh.Translation.ITranslator translator, string? gatewayClass) => (gatewayClass, translator) switch
    {
        (null, _) => translator,
        (_, Mesh.Providers.GatewayApi.GatewayApiTranslator gatewayApi) => new Mesh.Providers.GatewayApi.GatewayApiTranslator(gatewayApi.Options with { GatewayClassName = gatewayClass }),
        (_, Mesh.Providers.Linkerd.LinkerdTranslator linkerd) => new Mesh.Providers.Linkerd.LinkerdTranslator(linkerd.Options with { GatewayClassName = gatewayClass }),
        (_, Mesh.Providers.Consul.ConsulTranslator consul) => new Mesh.Providers.Consul.ConsulTranslator(consul.Options with { GatewayClassName = gatewayClass }),
        _ => translator,
    };

    public static Option<bool> Strict() => new("--strict")
    {
        Description = "Treat features the target cannot express exactly as errors; nothing is written then.",
    };
}
