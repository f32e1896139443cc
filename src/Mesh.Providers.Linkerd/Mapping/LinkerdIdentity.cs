using Mesh.Model;

namespace Mesh.Providers.Linkerd.Mapping;

/// <summary>Linkerd's mesh TLS identities: <c>sa.ns.serviceaccount.identity.linkerd.&lt;trust domain&gt;</c>, with <c>*</c> for every service account of a namespace.</summary>
internal static class LinkerdIdentity
{
    public static string Suffix(string trustDomain) => $".serviceaccount.identity.linkerd.{trustDomain}";

    public static string Of(ServiceAccountRef account, string trustDomain) => $"{account.Name}.{account.Namespace}{Suffix(trustDomain)}";

    public static string OfNamespace(string ns, string trustDomain) => $"*.{ns}{Suffix(trustDomain)}";

    /// <summary>Reads an identity back: a service account, a whole namespace (<c>*.ns…</c>), or neither (another form).</summary>
    public static (ServiceAccountRef? Account, string? Namespace) Parse(string identity, string trustDomain)
    {
        var suffix = Suffix(trustDomain);
        if (!identity.EndsWith(suffix, StringComparison.Ordinal)) return (null, null);
        var head = identity[..^suffix.Length];
        var dot = head.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == head.Length - 1 || head.IndexOf('.', dot + 1) >= 0) return (null, null);
        var (name, ns) = (head[..dot], head[(dot + 1)..]);
        if (ns.Contains('*', StringComparison.Ordinal)) return (null, null);
        if (name == "*") return (null, ns);
        return name.Contains('*', StringComparison.Ordinal) ? (null, null) : (new ServiceAccountRef(ns, name), null);
    }
}
