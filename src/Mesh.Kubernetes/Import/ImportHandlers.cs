namespace Mesh.Kubernetes;

/// <summary>
/// A provider's import handlers by resource class: each typed resource goes to the handler registered for its exact class,
/// and a resource of any other class is reported as an unknown kind. Replaces a chain of type checks per importer.
/// </summary>
public sealed class ImportHandlers
{
    private readonly Dictionary<Type, Action<object, string>> _handlers = [];

    /// <summary>Registers <paramref name="handler"/> for resources of class <typeparamref name="T"/> (replacing an earlier one).</summary>
    /// <typeparam name="T">The resource class.</typeparam>
    /// <param name="handler">Called with the resource and its source name.</param>
    /// <returns>This table, for chaining.</returns>
    public ImportHandlers On<T>(Action<T, string> handler)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(handler);
        _handlers[typeof(T)] = (resource, source) => handler((T)resource, source);
        return this;
    }

    /// <summary>Whether a handler is registered for the class of <paramref name="resource"/>.</summary>
    /// <param name="resource">The resource.</param>
    /// <returns>Whether it would be handled.</returns>
    public bool Handles(object resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return _handlers.ContainsKey(resource.GetType());
    }

    /// <summary>Hands each resource to its handler, in order; a resource no handler takes is reported to <paramref name="ctx"/> and skipped.</summary>
    /// <param name="resources">The resources with their source names.</param>
    /// <param name="ctx">The import's context.</param>
    /// <param name="description">What the provider reads, for the report (e.g. "an Istio resource this provider reads").</param>
    public void Dispatch(IEnumerable<(object Resource, string Source)> resources, ImportContext ctx, string description)
    {
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(ctx);
        foreach (var (resource, source) in resources)
        {
            if (_handlers.TryGetValue(resource.GetType(), out var handler)) handler(resource, source);
            else ctx.UnknownKind(source, "$", $"{resource.GetType().Name} is not {description}; it was skipped.");
        }
    }
}
