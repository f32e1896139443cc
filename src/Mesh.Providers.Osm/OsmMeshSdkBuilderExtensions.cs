using Mesh.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mesh.Providers.Osm;

/// <summary>Registers the Open Service Mesh translator on a <see cref="MeshSdkBuilder"/>.</summary>
public static class OsmMeshSdkBuilderExtensions
{
    /// <summary>Adds <see cref="OsmTranslator"/> as an <see cref="Mesh.Translation.ITranslator"/>; calling it again has no further effect.</summary>
    /// <param name="builder">The builder returned by <c>AddMeshSdk()</c>.</param>
    /// <param name="options">The options, or null for the defaults (e.g. <c>new OsmOptions { MeshConfigNamespace = "osm" }</c>).</param>
    /// <returns>The builder.</returns>
    public static MeshSdkBuilder AddOsm(this MeshSdkBuilder builder, OsmOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddTranslator(new OsmTranslator(options ?? new OsmOptions()));
    }

    /// <summary>
    /// Adds <see cref="OsmTranslator"/> with its <see cref="OsmOptions"/> bound from <paramref name="configuration"/> (for example
    /// <c>configuration.GetSection("Mesh:Osm")</c>, property names as keys) through <c>IOptions&lt;OsmOptions&gt;</c>, so
    /// <c>services.Configure&lt;OsmOptions&gt;(…)</c> applies too. Invalid options fail when the host starts, naming every problem;
    /// calling it again has no further effect.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddMeshSdk()</c>.</param>
    /// <param name="configuration">The configuration section holding the options.</param>
    /// <returns>The builder.</returns>
    public static MeshSdkBuilder AddOsm(this MeshSdkBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        builder.Services.AddOptions<OsmOptions>().Bind(configuration);
        return builder.AddTranslator<OsmTranslator, OsmOptions>(OsmOptionsValidation.Problems, options => new OsmTranslator(options));
    }
}
