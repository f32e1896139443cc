using System.CommandLine;
using Mesh.Cli.Output;
using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Xds;

namespace Mesh.Cli.Commands;

/// <summary>
/// <c>mesh xds &lt;model.yaml&gt; --endpoints &lt;endpoints.yaml&gt; --node &lt;id&gt; [--proxyless | --gateway ns/name] [-o dir] [--encoding pb|json] [--format text|json]</c>:
/// the Envoy configuration one proxy receives, as serialized <c>DiscoveryResponse</c>s or readable JSON. The options follow the
/// other commands: <c>-o</c> is where the result goes (here a directory), <c>--format</c> how diagnostics are printed.
/// </summary>
internal static class XdsCommand
{
    /// <summary>The output forms.</summary>
    internal enum XdsFormat
    {
        Pb,
        Json,
    }

    public static Command Create(CliContext context)
    {
        var model = new Argument<string>("model") { Description = "The mesh model (YAML or JSON)." };
        var endpoints = new Option<string>("--endpoints") { Description = "The endpoints file (service, port, addresses with labels and locality).", Required = true };
        var node = new Option<string>("--node") { Description = "The node id of the proxy asking.", Required = true };
        var proxyless = new Option<bool>("--proxyless") { Description = "The client is a proxyless gRPC client (api_listeners named for xds:/// targets) rather than a sidecar." };
        var gateway = new Option<string?>("--gateway") { Description = "The proxy is a gateway proxy running the model's gateway namespace/name (or name, in --namespace): its listeners, TLS, routes and clusters." };
        var ns = new Option<string>("--namespace") { Description = "The proxy's namespace.", DefaultValueFactory = _ => "default" };
        var service = new Option<string?>("--service") { Description = "The service the sidecar fronts (name.namespace): adds its inbound listener with RBAC and mTLS." };
        var locality = new Option<string?>("--locality") { Description = "The proxy's locality, region[/zone[/subZone]]: locality-aware policies prioritise endpoints relative to it." };
        var output = new Option<string?>("--output", "-o") { Description = "The directory (created when missing) for lds.pb, rds.pb, cds.pb and eds.pb, or for xds.json with --encoding json; without it the JSON goes to stdout." };
        output.Validators.Add(CommonOptions.NotAFormatName);
        var format = CommonOptions.Named(new Option<XdsFormat?>("--encoding") { Description = "pb (serialized DiscoveryResponses; the default with -o) or json (readable; the default without -o)." });
        var diagnosticsFormat = CommonOptions.Format();
        var command = new Command("xds", "Encode the Envoy xDS configuration (LDS, RDS, CDS, EDS) one proxy receives.")
        {
            model, endpoints, node, proxyless, gateway, ns, service, locality, output, format, diagnosticsFormat,
        };
        command.SetAction(parse =>
        {
            var outDir = parse.GetValue(output);
            var chosen = parse.GetValue(format) ?? (outDir is null ? XdsFormat.Json : XdsFormat.Pb);
            if (chosen == XdsFormat.Pb && outDir is null)
            {
                context.Stderr.WriteLine("error: --encoding pb writes binary files and needs -o <dir>.");
                return ExitCodes.Usage;
            }
            ServiceRef ownService = default;
            var serviceText = parse.GetValue(service);
            if (serviceText is not null && !ServiceRef.TryParse(serviceText, out ownService))
            {
                context.Stderr.WriteLine($"error: --service '{serviceText}' is not of the form name.namespace.");
                return ExitCodes.Usage;
            }
            string? gatewayNamespace = null, gatewayName = null;
            if (parse.GetValue(gateway) is { } gatewayText)
            {
                if (parse.GetValue(proxyless) || serviceText is not null)
                {
                    context.Stderr.WriteLine("error: --gateway names a gateway proxy, which is neither a proxyless client (--proxyless) nor a sidecar fronting a service (--service).");
                    return ExitCodes.Usage;
                }
                var slash = gatewayText.IndexOf('/', StringComparison.Ordinal);
                (gatewayNamespace, gatewayName) = slash < 0 ? (parse.GetValue(ns)!, gatewayText) : (gatewayText[..slash], gatewayText[(slash + 1)..]);
                if (gatewayNamespace.Length == 0 || gatewayName.Length == 0 || gatewayName.Contains('/', StringComparison.Ordinal))
                {
                    context.Stderr.WriteLine($"error: --gateway '{gatewayText}' is not of the form namespace/name (or name, in --namespace).");
                    return ExitCodes.Usage;
                }
            }
            EndpointLocality? proxyLocality = null;
            if (parse.GetValue(locality) is { } localityText)
            {
                var parts = localityText.Split('/');
                if (parts.Length > 3 || parts.Any(p => p.Length == 0 || p.Any(char.IsWhiteSpace) || p.Contains('*')))
                {
                    context.Stderr.WriteLine($"error: --locality '{localityText}' is not of the form region[/zone[/subZone]].");
                    return ExitCodes.Usage;
                }
                proxyLocality = new EndpointLocality(parts[0], parts.Length > 1 ? parts[1] : null, parts.Length > 2 ? parts[2] : null);
            }
            var endpointsPath = parse.GetValue(endpoints)!;
            if (!File.Exists(endpointsPath))
            {
                context.Stderr.WriteLine($"error: file not found: {endpointsPath}");
                return ExitCodes.Usage;
            }

            // The encoder validates the model itself (once), so the model is only read here.
            var loaded = ModelLoader.Read(parse.GetValue(model)!, context);
            if (loaded.Unreadable) return ExitCodes.Usage;
            var read = EndpointsYaml.Read(File.ReadAllText(endpointsPath), endpointsPath);
            var diagnostics = new List<Diagnostic>([.. loaded.Diagnostics, .. read.Diagnostics]);
            XdsSnapshot? snapshot = null;
            if (loaded.Config is not null)
            {
                var proxy = gatewayName is not null ? XdsProxy.Gateway(parse.GetValue(node)!, gatewayNamespace!, gatewayName)
                    : parse.GetValue(proxyless) ? XdsProxy.ProxylessGrpc(parse.GetValue(node)!, parse.GetValue(ns))
                    : XdsProxy.Sidecar(parse.GetValue(node)!, parse.GetValue(ns)!, serviceText is null ? null : ownService);
                proxy = proxy with { Locality = proxyLocality };
                var encoder = new XdsEncoder();
                var compiled = encoder.Compile(loaded.Config, proxy);
                // Without usable endpoints the model's problems are still worth reporting.
                var built = read.Snapshot is null ? null : encoder.Encode(compiled, read.Snapshot);
                diagnostics.AddRange((built?.Diagnostics ?? compiled.Diagnostics).Select(loaded.Locate));
                snapshot = built?.Snapshot;
            }
            DiagnosticWriter.Write(context, diagnostics, parse.GetValue(diagnosticsFormat));
            if (snapshot is null || diagnostics.Any(d => d.IsError)) return ExitCodes.Errors;

            if (chosen == XdsFormat.Json)
            {
                // -o names a directory here, as with pb: the JSON goes into it as xds.json.
                ResultWriter.Write(context.Stdout, outDir is null || StandardStreams.Is(outDir) ? outDir : Path.Combine(outDir, "xds.json"), "xds.json", snapshot.ToJson());
                return ExitCodes.Ok;
            }
            if (StandardStreams.Is(outDir))
            {
                context.Stderr.WriteLine("error: --encoding pb writes four binary files and needs -o <dir>, not stdout.");
                return ExitCodes.Usage;
            }
            Directory.CreateDirectory(outDir!);
            foreach (var (file, bytes) in snapshot.ToDiscoveryResponses().ByFileName())
            {
                ResultWriter.WriteBytes(Path.Combine(outDir!, file), bytes);
            }
            context.Stdout.WriteLine($"wrote lds.pb, rds.pb, cds.pb, eds.pb to {outDir} ({snapshot.Listeners.Count} listeners, {snapshot.RouteConfigurations.Count} route configurations, {snapshot.Clusters.Count} clusters, {snapshot.LoadAssignments.Count} load assignments)");
            return ExitCodes.Ok;
        });
        return command;
    }
}
