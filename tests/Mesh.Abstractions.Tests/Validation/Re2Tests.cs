using CsCheck;
using Mesh.Diagnostics;
using Mesh.Validation;

namespace Mesh.Abstractions.Tests.Validation;

public sealed class Re2Tests
{
    public static TheoryData<string> Accepted => new()
    {
        "", "abc", "a|b|c", "a|", "()", "^/reviews/[0-9]+$", ".*", "a.b", @"\.", @"\\", @"\*\+\?\{\}\[\]\(\)\|\^\$", @"\-", @"\_", @"\/",
        "[a-z]", "[^a-z]", "[a-zA-Z0-9_-]", "[]a]", "[^]a]", "[a-]", "[-a]", @"[\]]", @"[\d\s]", @"[\pL\p{Greek}]", @"[\x41-\x5A]", @"[\x{100}-\x{10FFFF}]",
        "[[:alpha:]]", "[[:^digit:][:space:]]", "[[:word:]]", "[a[]", "[.]",
        @"\d\s\w\D\S\W", @"\pL", @"\PL", @"\pN", @"\p{Greek}", @"\p{^Greek}", @"\P{Lu}", @"\p{Any}", @"\p{Han}",
        @"\x7F", @"\x{10FFFF}", @"\x{0}", @"\Q(?=a)*+\E", @"\Qa.b", @"\0", @"\012", @"\123", @"\a\f\t\n\r\v", @"\C",
        "^$", @"\A\z", @"\bword\B", "^*", 
        "(?:a)", "(?P<name>a)", "(?<name>a)(?P<other>b)", "(?i)abc", "(?i:abc)", "(?-s).", "(?is-mU:x)", "(?U)a*", "(?ims)a",
        "a*", "a+", "a?", "a{2}", "a{2,}", "a{2,5}", "a{0,1000}", "a{1000}", "a*?", "a+?", "a??", "a{2,5}?", "a{2}?",
        "a{", "a{,5}", "a{x}", "{", "x{2,", "a{1,2", "}", "]",
        "(a{10}){100}", "((a|b)*c)+", "(?:(?:(?:a)))", "日本語+", "😀+",
        @"^/api/v[0-9]+/users/[^/]+$", @"^(?i)bearer\s+[A-Za-z0-9._~+/-]+=*$",
    };

    public static TheoryData<string, string> Unsupported => new()
    {
        { "(?=a)", "look-ahead" },
        { "a(?!b)", "negative look-ahead" },
        { "(?<=a)b", "look-behind" },
        { "(?<!a)b", "negative look-behind" },
        { @"(a)\1", @"back-reference \1" },
        { @"(a)(b)(c)(d)(e)(f)(g)(h)\8", @"back-reference \8" },
        { @"(?<n>a)\k<n>", @"\k<name>" },
        { @"(a)\g1", @"back-reference \g" },
        { "(?P<n>a)(?P=n)", "(?P=name)" },
        { "a*+", "possessive" },
        { "a++", "possessive" },
        { "a?+", "possessive" },
        { "a{2,3}+", "possessive" },
        { "(?>a+)", "atomic group" },
        { "(?(1)a|b)", "conditional" },
        { "(?R)", "recursion" },
        { "(a(?1)?)", "recursion" },
        { "(?&name)", "recursion" },
        { "(?P>name)", "recursion" },
        { @"\Gabc", @"\G" },
        { @"abc\Z", @"\Z" },
        { @"a\Kb", @"\K" },
        { "(?#comment)a", "comment" },
        { "(?|a|b)", "branch-reset" },
        { "(?'n'a)", "(?'name'" },
        { "(?<a>x)(?<b-a>y)", "balancing group" },
        { @"\o{101}", @"\o{" },
        { "(?x)a b", "flag 'x'" },
        { @"\e", @"\e" },
        { @"\cA", @"\cX" },
        { @"\u0041", @"\u" },
        { @"\h", @"\h" },
        { @"\R", @"\R" },
        { @"\X", @"\X" },
        { @"[\b]", "backspace" },
        { @"[\1]", "back-reference" },
    };

    public static TheoryData<string, int> Invalid => new()
    {
        { "(abc", 0 },
        { "a(b(c)", 1 },
        { "abc)", 3 },
        { "*a", 0 },
        { "a|*", 2 },
        { "(*)", 1 },
        { "+", 0 },
        { "?", 0 },
        { "{2}", 0 },
        { "(a{10}){10}{11}", 11 },
        { "a**", 2 },
        { "a{2}{3}", 4 },
        { "a{2,1}", 1 },
        { "a{1001}", 1 },
        { "a{0,1001}", 1 },
        { "(a{100}){100}", 8 },
        { "[abc", 0 },
        { "[]", 0 },
        { "[^]", 0 },
        { "[z-a]", 1 },
        { @"[\d-z]", 1 },
        { "[[:foo:]]", 1 },
        { @"abc\", 3 },
        { @"\x4", 0 },
        { @"\xZZ", 0 },
        { @"\x{110000}", 0 },
        { @"\x{}", 0 },
        { @"\x{41", 0 },
        { @"\p{Klingon}", 0 },
        { @"\pX", 0 },
        { @"\p{Greek", 0 },
        { @"\y", 0 },
        { "(?P<>a)", 0 },
        { "(?P<n>a)(?P<n>b)", 8 },
        { "(?P<n!>a)", 0 },
        { "(?Pa)", 0 },
        { "(?i-)a", 0 },
        { "(?)a", 0 },
        { "(?i-s-m)a", 5 },
        { "(?z)a", 0 },
        { "(?i", 0 },
        { "(?i)*", 4 },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Accepts_Re2Syntax(string pattern)
    {
        Assert.Null(Re2.Check(pattern));
    }

    [Theory]
    [MemberData(nameof(Unsupported))]
    public void Rejects_ConstructsRe2Lacks_NamingThem(string pattern, string construct)
    {
        var problem = Re2.Check(pattern);

        Assert.NotNull(problem);
        Assert.Equal(DiagnosticCodes.RegexUnsupported, problem.Code);
        Assert.Contains(construct, problem.Message, StringComparison.Ordinal);
        Assert.Contains("RE2", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Unsupported))]
    public void Unsupported_PatternsAreValidInDotNetOrPcre(string pattern, string construct)
    {
        _ = construct;
        // Cross-check: most of these parse in .NET (the rest are PCRE-only), which is why they are "unsupported", not "invalid".
        var pcreOnly = new[] { "(?(1)a|b)", @"\o{101}", "a*+", "a++", "a?+", "a{2,3}+", "(?R)", "(a(?1)?)", "(?&name)", "(?P>name)", @"\Gabc", @"a\Kb", "(?|a|b)", @"\h", @"\R", @"\X", "(?P<n>a)(?P=n)", @"(a)\g1", "(?x)a b", @"[\b]" };
        if (pcreOnly.Contains(pattern)) return;
        _ = new System.Text.RegularExpressions.Regex(pattern);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Rejects_PatternsThatDoNotParse_AtTheOffset(string pattern, int offset)
    {
        var problem = Re2.Check(pattern);

        Assert.NotNull(problem);
        Assert.Equal(DiagnosticCodes.RegexInvalid, problem.Code);
        Assert.Equal(offset, problem.Offset);
        Assert.False(string.IsNullOrWhiteSpace(problem.Message));
    }

    [Fact]
    public void Rejects_DeepNesting_WithoutOverflowingTheStack()
    {
        var open = new string('(', 10_000);
        var balanced = open + new string(')', 10_000);
        var nonCapturing = string.Concat(Enumerable.Repeat("(?:", 10_000)) + new string(')', 10_000);

        foreach (var pattern in new[] { open, balanced, nonCapturing })
        {
            var problem = Re2.Check(pattern);
            Assert.NotNull(problem);
            Assert.Equal(DiagnosticCodes.RegexInvalid, problem.Code);
            Assert.Contains("nests too deeply", problem.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Accepts_NestingUpToTheLimit()
    {
        var pattern = new string('(', Re2.MaxNestingDepth) + "a" + new string(')', Re2.MaxNestingDepth);

        Assert.Null(Re2.Check(pattern));
        Assert.NotNull(Re2.Check("(" + pattern + ")"));
    }

    [Fact]
    public void Throws_OnlyForANullPattern()
    {
        Assert.Throws<ArgumentNullException>(() => Re2.Check(null!));
    }

    // A small RE2-safe grammar: every pattern it produces must be accepted. Counts stay at most 5 so that four nested
    // repetitions multiply to at most 625, under RE2's limit of 1000 (which the checker enforces).
    private static readonly Gen<string> Atom = Gen.OneOf(
        Gen.Char["abcxyz019"].Select(c => c.ToString()),
        Gen.OneOf(Gen.Const("."), Gen.Const("^"), Gen.Const("$"), Gen.Const(@"\b"), Gen.Const(@"\A"), Gen.Const(@"\z")),
        Gen.OneOf(Gen.Const(@"\d"), Gen.Const(@"\W"), Gen.Const(@"\pL"), Gen.Const(@"\p{Greek}"), Gen.Const(@"\PN"), Gen.Const(@"\x41"), Gen.Const(@"\x{263A}"), Gen.Const(@"\."), Gen.Const(@"\Q+*?\E")),
        Gen.OneOf(Gen.Const("[a-z]"), Gen.Const("[^0-9_]"), Gen.Const("[[:alpha:]]"), Gen.Const(@"[\d\-x]"), Gen.Const("[]a-c]"), Gen.Const(@"[\x{100}-\x{200}]")));

    private static readonly Gen<string> Quantifier = Gen.OneOf(
        Gen.OneOf(Gen.Const(""), Gen.Const("*"), Gen.Const("+"), Gen.Const("?")),
        Gen.Int[0, 5].Select(n => $"{{{n}}}"),
        Gen.Int[0, 5].Select(n => $"{{{n},}}"),
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, 2], (n, d) => $"{{{n},{n + d}}}"))
        .SelectMany(q => Gen.Bool.Select(lazy => q.Length > 0 && lazy ? q + "?" : q));

    private static Gen<string> Pattern(int depth)
    {
        if (depth == 0) return Gen.Select(Atom, Quantifier, (a, q) => a + q);
        var inner = Pattern(depth - 1);
        var group = Gen.Select(
            Gen.OneOf(Gen.Const("("), Gen.Const("(?:"), Gen.Const("(?i:"), Gen.Const("(?s-m:")),
            inner.Array[1, 3],
            Quantifier,
            (open, parts, q) => open + string.Join("", parts) + ")" + q);
        var alternation = inner.Array[2, 3].Select(parts => string.Join("|", parts));
        return Gen.OneOf(inner, group, alternation, inner.Array[1, 4].Select(parts => string.Concat(parts)));
    }

    [Fact]
    public void Accepts_EveryPatternOfTheSafeGrammar()
    {
        Gen.Select(Gen.OneOf(Gen.Const(""), Gen.Const("(?i)")), Pattern(3), (flags, p) => flags + p)
            .Sample(pattern => Re2.Check(pattern) is null, iter: 2000);
    }

    [Fact]
    public void Classifies_ArbitraryText_WithoutThrowing()
    {
        Gen.String[Gen.Char["()[]{}*+?|\\^$.:=!<>PpQExk0123-,az"], 0, 40]
            .Sample(pattern =>
            {
                var problem = Re2.Check(pattern);
                return problem is null
                    || ((problem.Code == DiagnosticCodes.RegexInvalid || problem.Code == DiagnosticCodes.RegexUnsupported)
                        && problem.Offset >= 0 && problem.Offset <= pattern.Length);
            }, iter: 5000);
    }
}
