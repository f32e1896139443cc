using Mesh.DependencyInjection;

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
}
