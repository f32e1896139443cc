using Mesh.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mesh.Providers.Istio;

/// <summary>Registers the Istio translator on a <see cref="MeshSdkBuilder"/>.</summary>
public static class IstioMeshSdkBuilderExtensions
{
    /// <summary>Adds <see cref="IstioTranslator"/> as an <see cref="Mesh.Translation.ITranslator"/>; calling it again has no further effect.</summary>
    /// <param name="builder">The builder returned by <c>AddMeshSdk()</c>.</param>
    /// <param name="options">The options, or null for the defaults (e.g. <c>new IstioOptions { ClusterDomain = "corp.local" }</c>).</param>
    /// <returns>The builder.</returns>
    public static MeshSdkBuilder AddIstio(this MeshSdkBuilder builder, IstioOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddTranslator(new IstioTranslator(options ?? new IstioOptions()));
    }

    /// <summary>
    /// Adds <see cref="IstioTranslator"/> with its <see cref="IstioOptions"/> bound from <paramref name="configuration"/> (for example
    /// <c>configuration.GetSection("Mesh:Istio")</c>, property names as keys) through <c>IOptions&lt;IstioOptions&gt;</c>, so
    /// <c>services.Configure&lt;IstioOptions&gt;(…)</c> applies too. Invalid options fail when the host starts, naming every problem;
    /// calling it again has no further effect.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddMeshSdk()</c>.</param>
    /// <param name="configuration">The configuration section holding the options.</param>
    /// <returns>The builder.</returns>
    public static MeshSdkBuilder AddIstio(this MeshSdkBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        builder.Services.AddOptions<IstioOptions>().Bind(configuration);
        return builder.AddTranslator<IstioTranslator, IstioOptions>(IstioOptionsValidation.Problems, options => new IstioTranslator(options));
    }
}
