using System.Diagnostics.CodeAnalysis;
using System.Text;
using Mesh.Collections;

namespace Mesh.Model;

/// <summary>
/// The attribute of an <see cref="AccessCondition"/>, written as Istio spells it: <c>source.ip</c>,
/// <c>request.headers[x-tenant]</c>, <c>request.auth.claims[groups]</c>, <c>request.auth.claims[org][team]</c>.
/// </summary>
/// <param name="Attribute">The attribute.</param>
/// <param name="Names">The header name (<see cref="AccessAttribute.RequestHeader"/>) or the claim's path
/// (<see cref="AccessAttribute.RequestClaim"/>, outermost first); empty for the other attributes.</param>
public readonly record struct AccessConditionKey(AccessAttribute Attribute, EquatableArray<string> Names)
{
    private static readonly (AccessAttribute Attribute, string Text)[] Scalars =
    [
        (AccessAttribute.SourceIp, "source.ip"),
        (AccessAttribute.RemoteIp, "remote.ip"),
        (AccessAttribute.SourceNamespace, "source.namespace"),
        (AccessAttribute.SourcePrincipal, "source.principal"),
        (AccessAttribute.RequestPrincipal, "request.auth.principal"),
        (AccessAttribute.RequestAudiences, "request.auth.audiences"),
        (AccessAttribute.RequestPresenter, "request.auth.presenter"),
        (AccessAttribute.DestinationIp, "destination.ip"),
        (AccessAttribute.DestinationPort, "destination.port"),
        (AccessAttribute.ConnectionSni, "connection.sni"),
    ];

    private const string HeaderPrefix = "request.headers";
    private const string ClaimPrefix = "request.auth.claims";

    /// <summary>A key for an attribute without names.</summary>
    /// <param name="attribute">The attribute; not <see cref="AccessAttribute.RequestHeader"/> or <see cref="AccessAttribute.RequestClaim"/>.</param>
    public static AccessConditionKey Of(AccessAttribute attribute) => new(attribute, default);

    /// <summary>A request header.</summary>
    /// <param name="name">The header name.</param>
    public static AccessConditionKey Header(string name) => new(AccessAttribute.RequestHeader, [name]);

    /// <summary>A claim of the verified JWT.</summary>
    /// <param name="path">The claim's name, then nested names.</param>
    public static AccessConditionKey Claim(params string[] path) => new(AccessAttribute.RequestClaim, [.. path]);

    /// <summary>Whether the attribute's values are IP addresses or CIDR blocks.</summary>
    public bool IsAddress => Attribute is AccessAttribute.SourceIp or AccessAttribute.RemoteIp or AccessAttribute.DestinationIp;

    /// <summary>Whether the key is well formed: one non-empty name for a header, one or more for a claim, none otherwise.</summary>
    public bool IsWellFormed => Attribute switch
    {
        AccessAttribute.RequestHeader => Names.Count == 1 && IsName(Names[0]),
        AccessAttribute.RequestClaim => Names.Count >= 1 && Names.All(IsName),
        _ => Enum.IsDefined(Attribute) && Names.IsEmpty,
    };

    /// <summary>
    /// Whether <paramref name="value"/> is a value this attribute can have: an IP address or CIDR block for the IP attributes,
    /// a port number for <see cref="AccessAttribute.DestinationPort"/>, an <see cref="AccessPatterns">access pattern</see> otherwise.
    /// </summary>
    /// <param name="value">The value.</param>
    public bool Accepts(string? value) =>
        IsAddress ? Validation.IpAddresses.IsIpOrCidr(value)
        : Attribute == AccessAttribute.DestinationPort ? int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535
        : AccessPatterns.IsValid(value);

    /// <summary>Parses a key as Istio spells it.</summary>
    /// <param name="text">The text.</param>
    /// <param name="key">The key when parsing succeeds.</param>
    /// <returns>Whether <paramref name="text"/> is a key.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out AccessConditionKey key)
    {
        key = default;
        if (string.IsNullOrEmpty(text)) return false;
        foreach (var (attribute, spelling) in Scalars)
        {
            if (text == spelling)
            {
                key = Of(attribute);
                return true;
            }
        }
        var (kind, rest) = text.StartsWith(HeaderPrefix, StringComparison.Ordinal) ? (AccessAttribute.RequestHeader, text[HeaderPrefix.Length..])
            : text.StartsWith(ClaimPrefix, StringComparison.Ordinal) ? (AccessAttribute.RequestClaim, text[ClaimPrefix.Length..])
            : ((AccessAttribute?)null, "");
        if (kind is null || Brackets(rest) is not { } names) return false;
        key = new AccessConditionKey(kind.Value, names);
        return key.IsWellFormed;
    }

    /// <summary>Parses a key as Istio spells it.</summary>
    /// <param name="text">The text.</param>
    /// <exception cref="FormatException"><paramref name="text"/> is not a key.</exception>
    public static AccessConditionKey Parse(string text) =>
        TryParse(text, out var key) ? key : throw new FormatException($"'{text}' is not a condition key (source.ip, request.headers[NAME], request.auth.claims[NAME], …).");

    /// <summary>The key as Istio spells it.</summary>
    public override string ToString()
    {
        foreach (var (attribute, spelling) in Scalars)
        {
            if (attribute == Attribute) return spelling;
        }
        var text = new StringBuilder(Attribute == AccessAttribute.RequestHeader ? HeaderPrefix : ClaimPrefix);
        foreach (var name in Names) text.Append('[').Append(name).Append(']');
        return text.ToString();
    }

    private static bool IsName(string? name) => !string.IsNullOrEmpty(name) && name.All(c => c > ' ' && c != '[' && c != ']' && c < 0x7f);

    private static EquatableArray<string>? Brackets(string text)
    {
        var names = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] != '[') return null;
            var close = text.IndexOf(']', i + 1);
            if (close < 0) return null;
            names.Add(text[(i + 1)..close]);
            i = close + 1;
        }
        return names.Count == 0 ? null : [.. names];
    }
}
