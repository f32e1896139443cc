using Mesh.DependencyInjection;

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
}
