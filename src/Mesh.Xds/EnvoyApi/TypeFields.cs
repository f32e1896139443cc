namespace Mesh.Xds.EnvoyApi;

// envoy.type.v3 and envoy.type.matcher.v3 (envoy/type/v3/percent.proto, envoy/type/matcher/v3/{string,regex,path}.proto).

/// <summary><c>envoy.type.v3.FractionalPercent</c>.</summary>
internal static class FractionalPercentFields
{
    public const int Numerator = 1;
    public const int Denominator = 2;
}

/// <summary><c>envoy.type.v3.FractionalPercent.DenominatorType</c>.</summary>
internal enum DenominatorType
{
    Hundred = 0,
    TenThousand = 1,
    Million = 2,
}

/// <summary><c>envoy.type.matcher.v3.StringMatcher</c>.</summary>
internal static class StringMatcherFields
{
    public const int Exact = 1;
    public const int Prefix = 2;
    public const int Suffix = 3;
    public const int SafeRegex = 5;
}

/// <summary><c>envoy.type.matcher.v3.RegexMatcher</c>.</summary>
internal static class RegexMatcherFields
{
    public const int Regex = 2;
}

/// <summary><c>envoy.type.matcher.v3.RegexMatchAndSubstitute</c>.</summary>
internal static class RegexMatchAndSubstituteFields
{
    public const int Pattern = 1;
    public const int Substitution = 2;
}

/// <summary><c>envoy.type.matcher.v3.PathMatcher</c>.</summary>
internal static class PathMatcherFields
{
    public const int Path = 1;
}

/// <summary><c>envoy.type.v3.Percent</c>.</summary>
internal static class PercentFields
{
    public const int Value = 1;
}

/// <summary><c>envoy.type.v3.TokenBucket</c> (envoy/type/v3/token_bucket.proto).</summary>
internal static class TokenBucketFields
{
    public const int MaxTokens = 1;
    public const int TokensPerFill = 2;
    public const int FillInterval = 3;
}

/// <summary><c>envoy.type.v3.HttpStatus</c> (envoy/type/v3/http_status.proto); its code is an <c>envoy.type.v3.StatusCode</c>, numbered as the HTTP status.</summary>
internal static class HttpStatusFields
{
    public const int Code = 1;
}
