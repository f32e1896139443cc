namespace Mesh.Kubernetes;

/// <summary>Diagnostic texts formatted once per key for one translation (a large model repeats them on every service).</summary>
/// <typeparam name="TKey">What the text depends on.</typeparam>
public sealed class MessageCache<TKey>
    where TKey : notnull
{
    private readonly Dictionary<TKey, string> _texts = [];

    /// <summary>The text for <paramref name="key"/>, formatted by <paramref name="format"/> the first time only.</summary>
    public string Get(TKey key, Func<TKey, string> format)
    {
        if (!_texts.TryGetValue(key, out var text)) _texts.Add(key, text = format(key));
        return text;
    }
}
