using Mesh.DependencyInjection;

namespace Mesh.Providers.Linkerd;

/// <summary>Registers the Linkerd translator on a <see cref="MeshSdkBuilder"/>.</summary>
public static class LinkerdMeshSdkBuilderExtensions
{
    /// <summary>Adds <see cref="LinkerdTranslator"/> as an <see cref="Mesh.Translation.ITranslator"/>; calling it again has no further effect.</summary>
    /// <param name="builder">The builder returned by <c>AddMeshSdk()</c>.</param>
    /// <param name="options">The options, or null for the defaults (e.g. <c>new LinkerdOptions { RouteApi = LinkerdRouteApi.GatewayApi }</c>).</param>
    /// <returns>The builder.</returns>
    public static MeshSdkBuilder AddLinkerd(this MeshSdkBuilder builder, LinkerdOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddTranslator(new LinkerdTranslator(options ?? new LinkerdOptions()));
    }
}
