using Mesh.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>
    /// Adds <see cref="LinkerdTranslator"/> with its <see cref="LinkerdOptions"/> bound from <paramref name="configuration"/> (for example
    /// <c>configuration.GetSection("Mesh:Linkerd")</c>, property names as keys) through <c>IOptions&lt;LinkerdOptions&gt;</c>, so
    /// <c>services.Configure&lt;LinkerdOptions&gt;(…)</c> applies too. Invalid options fail when the host starts, naming every problem;
    /// calling it again has no further effect.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddMeshSdk()</c>.</param>
    /// <param name="configuration">The configuration section holding the options.</param>
    /// <returns>The builder.</returns>
    public static MeshSdkBuilder AddLinkerd(this MeshSdkBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        builder.Services.AddOptions<LinkerdOptions>().Bind(configuration);
        return builder.AddTranslator<LinkerdTranslator, LinkerdOptions>(LinkerdOptionsValidation.Problems, options => new LinkerdTranslator(options));
    }
}
