using Mesh.DependencyInjection;

namespace Mesh.Providers.Linkerd;

/// <summary>Registers the Linkerd translator with Mesh SDK.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>Adds <see cref="LinkerdTranslator"/> as an <see cref="Mesh.Translation.ITranslator"/>; calling it again has no further effect.</summary>
    /// <param name="builder">The builder returned by <c>AddMeshSdk()</c>.</param>
    /// <param name="configure">Changes to the default <see cref="LinkerdOptions"/>, or null.</param>
    /// <returns>The builder.</returns>
    public static MeshSdkBuilder AddLinkerd(this MeshSdkBuilder builder, Action<LinkerdOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new LinkerdOptions();
        configure?.Invoke(options);
        return builder.AddTranslator(new LinkerdTranslator(options));
    }
}
