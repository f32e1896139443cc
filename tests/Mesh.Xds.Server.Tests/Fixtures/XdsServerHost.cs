using System.Net;
using Grpc.Net.Client;
using Mesh.DependencyInjection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mesh.Xds.Server.Tests.Fixtures;

/// <summary>An ASP.NET Core app with the ADS server on a loopback port (HTTP/2 without TLS), stopped on dispose.</summary>
internal sealed class XdsServerHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<GrpcChannel> _channels = [];

    private XdsServerHost(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
        Cache = app.Services.GetRequiredService<XdsSnapshotCache>();
    }

    public Uri Address { get; }

    public XdsSnapshotCache Cache { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a host; <paramref name="logs"/>, when given, records the server's logs at every level.</summary>
    public static async Task<XdsServerHost> StartAsync(Action<XdsServerOptions>? configure = null, int port = 0, LogCapture? logs = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, o => o.Protocols = HttpProtocols.Http2));
        builder.Logging.ClearProviders();
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
            builder.Logging.AddFilter("Mesh.Xds.Server", LogLevel.Trace);
        }
        builder.Services.AddMeshSdk().AddXdsServer(configure);
        var app = builder.Build();
        app.MapXdsServer();
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new XdsServerHost(app, new Uri(address));
    }

    /// <summary>A channel to the server, disposed with the host.</summary>
    public GrpcChannel Channel()
    {
        var channel = GrpcChannel.ForAddress(Address, new GrpcChannelOptions { MaxReceiveMessageSize = 64 * 1024 * 1024 });
        _channels.Add(channel);
        return channel;
    }

    public Task StopAsync() => _app.StopAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in _channels) channel.Dispose();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
