using System.Diagnostics.Metrics;
using Mesh.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mesh.Xds.Server;

/// <summary>Registers the ADS server: <c>services.AddMeshSdk().AddXdsServer(o => …)</c>, then <c>app.MapXdsServer()</c>.</summary>
public static class XdsServerBuilderExtensions
{
    /// <summary>
    /// Adds gRPC and one <see cref="XdsSnapshotCache"/> (a singleton the host feeds with <see cref="XdsSnapshotCache.SetSnapshot"/>).
    /// Options are validated when the cache is first resolved. Safe to call more than once.
    /// </summary>
    /// <param name="builder">The Mesh SDK builder.</param>
    /// <param name="configure">Sets the options, or null for the defaults.</param>
    /// <returns>The builder.</returns>
    public static MeshSdkBuilder AddXdsServer(this MeshSdkBuilder builder, Action<XdsServerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddGrpc();
        services.AddMetrics();
        var options = services.AddOptions<XdsServerOptions>();
        if (configure is not null) options.Configure(configure);
        services.TryAddSingleton(provider => new XdsSnapshotCache(
            provider.GetRequiredService<IOptions<XdsServerOptions>>().Value,
            provider.GetService<ILoggerFactory>(),
            provider.GetService<IMeterFactory>()));
        return builder;
    }
}
