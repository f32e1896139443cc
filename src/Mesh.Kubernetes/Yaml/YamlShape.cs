using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Kubernetes;

/// <summary>
/// The written members of a type, in order, each with its wire name and a compiled getter. Wire names come from
/// <see cref="YamlMemberAttribute.Alias"/>, else <see cref="JsonPropertyNameAttribute"/> (KubernetesClient's own models),
/// else the camel-cased property name; <see cref="YamlMemberAttribute.Order"/> orders members, base-class members first.
/// </summary>
internal sealed class YamlShape
{
    private static readonly ConcurrentDictionary<Type, YamlShape> Cache = new();

    private YamlShape(Member[] members) => Members = members;

    public Member[] Members { get; }

    internal readonly record struct Member(string Name, Func<object, object?> Get);

    public static YamlShape Of(Type type) => Cache.GetOrAdd(type, Build);

    private static YamlShape Build(Type type)
    {
        var depth = new Dictionary<Type, int>();
        var level = 0;
        for (var t = type; t is not null; t = t.BaseType) depth[t] = level++;
        var members = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<JsonIgnoreAttribute>() is null && p.GetCustomAttribute<YamlIgnoreAttribute>() is null)
            .Select((p, index) => (Property: p, Yaml: p.GetCustomAttribute<YamlMemberAttribute>(), Index: index))
            .OrderBy(x => x.Yaml?.Order ?? 0)
            .ThenByDescending(x => depth.GetValueOrDefault(x.Property.DeclaringType!))
            .ThenBy(x => x.Index)
            .Select(x => new Member(Name(x.Property, x.Yaml), Getter(x.Property)))
            .ToArray();
        return new YamlShape(members);
    }

    private static string Name(PropertyInfo property, YamlMemberAttribute? yaml)
    {
        if (yaml?.Alias is { Length: > 0 } alias) return alias;
        if (property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name is { Length: > 0 } json) return json;
        return char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
    }

    private static Func<object, object?> Getter(PropertyInfo property)
    {
        var instance = Expression.Parameter(typeof(object), "instance");
        var body = Expression.Convert(Expression.Property(Expression.Convert(instance, property.DeclaringType!), property), typeof(object));
        return Expression.Lambda<Func<object, object?>>(body, instance).Compile();
    }
}
