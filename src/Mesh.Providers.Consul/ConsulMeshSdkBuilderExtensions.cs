using Mesh.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mesh.Providers.Consul;

/// <summary>Registers the Consul translator on a <see cref="MeshSdkBuilder"/>.</summary>
public static class ConsulMeshSdkBuilderExtensions
{
    /// <summary>Adds <see cref="ConsulTranslator"/> as an <see cref="Mesh.Translation.ITranslator"/>; calling it again has no further effect.</summary>
    /// <param name="builder">The builder returned by <c>AddMeshSdk()</c>.</param>
    /// <param name="options">The options, or null for the defaults (e.g. <c>new ConsulOptions { Edition = ConsulEdition.Enterprise }</c>).</param>
    /// <returns>The builder.</returns>
    public static MeshSdkBuilder AddConsul(this MeshSdkBuilder builder, ConsulOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddTranslator(new ConsulTranslator(options ?? new ConsulOptions()));
    }

    /// <summary>
    /// Adds <see cref="ConsulTranslator"/> with its <see cref="ConsulOptions"/> bound from <paramref name="configuration"/> (for example
    /// <c>configuration.GetSection("Mesh:Consul")</c>, property names as keys) through <c>IOptions&lt;ConsulOptions&gt;</c>, so
    /// <c>services.Configure&lt;ConsulOptions&gt;(…)</c> applies too. Invalid options fail when the host starts, naming every problem;
    /// calling it again has no further effect.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddMeshSdk()</c>.</param>
    /// <param name="configuration">The configuration section holding the options.</param>
    /// <returns>The builder.</returns>
    public static MeshSdkBuilder AddConsul(this MeshSdkBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        builder.Services.AddOptions<ConsulOptions>().Bind(configuration);
        return builder.AddTranslator<ConsulTranslator, ConsulOptions>(ConsulOptionsValidation.Problems, options => new ConsulTranslator(options));
    }
}
