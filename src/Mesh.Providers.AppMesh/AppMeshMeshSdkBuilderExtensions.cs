using Mesh.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mesh.Providers.AppMesh;

/// <summary>Registers the AWS App Mesh translator on a <see cref="MeshSdkBuilder"/>.</summary>
public static class AppMeshMeshSdkBuilderExtensions
{
    /// <summary>Adds <see cref="AppMeshTranslator"/> as an <see cref="Mesh.Translation.ITranslator"/>; calling it again has no further effect.</summary>
    /// <param name="builder">The builder returned by <c>AddMeshSdk()</c>.</param>
    /// <param name="options">The options, or null for the defaults (e.g. <c>new AppMeshOptions { Discovery = AppMeshDiscovery.CloudMap, CloudMapNamespace = "prod.local" }</c>).</param>
    /// <returns>The builder.</returns>
    public static MeshSdkBuilder AddAppMesh(this MeshSdkBuilder builder, AppMeshOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddTranslator(new AppMeshTranslator(options ?? new AppMeshOptions()));
    }

    /// <summary>
    /// Adds <see cref="AppMeshTranslator"/> with its <see cref="AppMeshOptions"/> bound from <paramref name="configuration"/> (for example
    /// <c>configuration.GetSection("Mesh:AppMesh")</c>, property names as keys) through <c>IOptions&lt;AppMeshOptions&gt;</c>, so
    /// <c>services.Configure&lt;AppMeshOptions&gt;(…)</c> applies too. Invalid options fail when the host starts, naming every problem;
    /// calling it again has no further effect.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddMeshSdk()</c>.</param>
    /// <param name="configuration">The configuration section holding the options.</param>
    /// <returns>The builder.</returns>
    public static MeshSdkBuilder AddAppMesh(this MeshSdkBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        builder.Services.AddOptions<AppMeshOptions>().Bind(configuration);
        return builder.AddTranslator<AppMeshTranslator, AppMeshOptions>(AppMeshOptionsValidation.Problems, options => new AppMeshTranslator(options));
    }
}
