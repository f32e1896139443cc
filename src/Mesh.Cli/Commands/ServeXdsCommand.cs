using System.CommandLine;
using System.Net;
using System.Threading.Channels;
using Mesh.Cli.Output;
using Mesh.Diagnostics;
using Mesh.DependencyInjection;
using Mesh.Model;
using Mesh.Xds;
using Mesh.Xds.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mesh.Cli.Commands;

/// <summary>
/// <c>mesh serve-xds &lt;model.yaml&gt; --endpoints &lt;endpoints.yaml&gt; [--port 18000] [--address 0.0.0.0]</c>: an ADS
/// server (Mesh.Xds.Server) for the model and endpoints, which watches both files and pushes what a change changes. Each
/// client gets the configuration of the proxy its node describes (<see cref="XdsNodeConventions"/>); clients of the same
/// shape share one snapshot. Runs until interrupted (Ctrl+C, SIGTERM).
/// </summary>
internal static class ServeXdsCommand
{
    /// <summary>How long file events are gathered before one reload (an editor's save is often several events).</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(150);

    internal sealed record Options(string Model, string Endpoints, string Address, int Port, OutputFormat Format);

    public static Command Create(CliContext context)
    {
        var model = new Argument<string>("model") { Description = "The mesh model (YAML or JSON); watched for changes." };
        var endpoints = new Option<string>("--endpoints") { Description = "The endpoints file; watched for changes.", Required = true };
        var port = new Option<int>("--port") { Description = "The port to serve ADS (gRPC over HTTP/2 without TLS) on; 0 picks a free one.", DefaultValueFactory = _ => 18000 };
        var address = new Option<string>("--address") { Description = "The IP address to listen on.", DefaultValueFactory = _ => "0.0.0.0" };
        var format = CommonOptions.Format();
        var command = new Command("serve-xds", "Serve the model's Envoy xDS over ADS (state of the world and delta) to Envoy sidecars and gateways (node metadata GATEWAY: namespace/name) and proxyless gRPC clients, pushing changes to the files.")
        {
            model, endpoints, port, address, format,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            new Options(parse.GetValue(model)!, parse.GetValue(endpoints)!, parse.GetValue(address)!, parse.GetValue(port), parse.GetValue(format)),
            context, listening: null, cancellationToken));
        return command;
    }

    /// <summary>Serves until <paramref name="cancellationToken"/> fires; <paramref name="listening"/> hears the bound address.</summary>
    internal static async Task<int> RunAsync(Options options, CliContext context, Action<Uri>? listening, CancellationToken cancellationToken)
    {
        if (!IPAddress.TryParse(options.Address, out var ip))
        {
            context.Stderr.WriteLine($"error: --address '{options.Address}' is not an IP address.");
            return ExitCodes.Usage;
        }
        if (options.Port is < 0 or > 65535)
        {
            context.Stderr.WriteLine($"error: --port {options.Port} is not a port number.");
            return ExitCodes.Usage;
        }
        var inputs = Load(options, context);
        if (inputs is null) return ExitCodes.Errors;

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(ip, options.Port, o => o.Protocols = HttpProtocols.Http2));
        builder.Services.AddMeshSdk().AddXdsServer(o => o.NodeGroup = XdsNodeConventions.ShapeOf);
        await using var app = builder.Build();
        app.MapXdsServer();
        var cache = app.Services.GetRequiredService<XdsSnapshotCache>();
        var output = new object();
        cache.Nack += (_, e) =>
        {
            lock (output) context.Stderr.WriteLine($"warning: node '{e.Node.Id}' rejected {XdsTypeUrls.Of(e.Type)} version {e.RejectedVersion} and keeps {(e.KeptVersion.Length > 0 ? e.KeptVersion : "what it had")}: {e.ErrorMessage}");
        };
        using var feed = new XdsModelFeed(cache);
        feed.Update(inputs.Value.Model, inputs.Value.Endpoints);

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var bound = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        lock (output) context.Stdout.WriteLine($"serving xDS (ADS: state of the world and delta) on {bound.Host}:{bound.Port}; watching {options.Model} and {options.Endpoints}");
        listening?.Invoke(bound);

        var changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        using var modelWatcher = Watch(options.Model, changes);
        using var endpointsWatcher = Watch(options.Endpoints, changes);
        // Ctrl+C and SIGTERM reach the host (its console lifetime stops the application) or the command line's token.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, app.Lifetime.ApplicationStopping);
        try
        {
            while (true)
            {
                await changes.Reader.ReadAsync(stopping.Token).ConfigureAwait(false);
                await Task.Delay(Settle, stopping.Token).ConfigureAwait(false);
                changes.Reader.TryRead(out _);
                lock (output) Reload(options, context, feed);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Interrupted: stop serving (open streams end with UNAVAILABLE so that clients go to another replica).
        }
        await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    private static void Reload(Options options, CliContext context, XdsModelFeed feed)
    {
        var inputs = Load(options, context);
        if (inputs is null)
        {
            context.Stderr.WriteLine("error: the files have errors; clients keep the last good configuration.");
            return;
        }
        var errors = feed.Update(inputs.Value.Model, inputs.Value.Endpoints).Where(d => d.IsError).ToList();
        DiagnosticWriter.Write(context, errors, options.Format);
        context.Stdout.WriteLine(errors.Count == 0
            ? $"reloaded {options.Model} and {options.Endpoints}: {feed.NodeGroupCount} node groups re-encoded, changes pushed"
            : "reloaded, but some node groups do not encode; their clients keep the last good configuration");
    }

    /// <summary>Reads and validates both files, printing their diagnostics; null when either has errors.</summary>
    private static (MeshConfig Model, EndpointSnapshot Endpoints)? Load(Options options, CliContext context)
    {
        var loaded = ModelLoader.Load(options.Model, context);
        if (loaded.Unreadable) return null;
        List<Diagnostic> diagnostics = [.. loaded.Diagnostics];
        EndpointSnapshot? endpoints = null;
        if (!File.Exists(options.Endpoints))
        {
            context.Stderr.WriteLine($"error: file not found: {options.Endpoints}");
        }
        else
        {
            var read = EndpointsYaml.Read(File.ReadAllText(options.Endpoints), options.Endpoints);
            diagnostics.AddRange(read.Diagnostics);
            endpoints = read.Snapshot;
        }
        DiagnosticWriter.Write(context, diagnostics, options.Format);
        if (loaded.Config is null || endpoints is null || diagnostics.Any(d => d.IsError)) return null;
        return (loaded.Config, endpoints);
    }

    private static FileSystemWatcher Watch(string path, Channel<bool> changes)
    {
        var full = Path.GetFullPath(path);
        var watcher = new FileSystemWatcher(Path.GetDirectoryName(full)!, Path.GetFileName(full))
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        FileSystemEventHandler changed = (_, _) => changes.Writer.TryWrite(true);
        watcher.Changed += changed;
        watcher.Created += changed;
        watcher.Renamed += (_, _) => changes.Writer.TryWrite(true);
        watcher.EnableRaisingEvents = true;
        return watcher;
    }
}
