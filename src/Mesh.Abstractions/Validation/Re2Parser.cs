using Mesh.Diagnostics;

namespace Mesh.Validation;

/// <summary>
/// A recursive-descent parser of RE2 syntax that only classifies: it builds no tree. Recursion is bounded by
/// <see cref="Re2.MaxNestingDepth"/>, so hostile input yields a problem instead of a stack overflow.
/// </summary>
internal sealed class Re2Parser
{
    private readonly string _p;
    private HashSet<string>? _groupNames;
    private int _pos;
    private int _depth;

    public Re2Parser(string pattern) => _p = pattern;

    private sealed class Failure(Re2Problem problem) : Exception(problem.Message)
    {
        public Re2Problem Problem { get; } = problem;
    }

    public Re2Problem? Parse()
    {
        try
        {
            ParseAlternation();
            if (_pos < _p.Length)
            {
                // Only an unmatched ')' stops the top-level alternation early.
                throw Invalid("unexpected ')': no group is open", _pos);
            }
            return null;
        }
        catch (Failure failure)
        {
            return failure.Problem;
        }
    }

    private static Failure Invalid(string message, int offset) => new(new Re2Problem(DiagnosticCodes.RegexInvalid, message, offset));

    private static Failure Unsupported(string message, int offset) => new(new Re2Problem(DiagnosticCodes.RegexUnsupported, message, offset));

    private bool AtEnd => _pos >= _p.Length;

    private char Peek(int ahead = 0) => _pos + ahead < _p.Length ? _p[_pos + ahead] : '\0';

    private bool LookingAt(string text) => string.CompareOrdinal(_p, _pos, text, 0, text.Length) == 0;

    // Each parse method returns the largest repetition factor inside what it parsed (1 when nothing repeats),
    // because RE2 rejects nested repetitions whose counts multiply past 1000.
    private int ParseAlternation()
    {
        var max = ParseConcatenation();
        while (!AtEnd && Peek() == '|')
        {
            _pos++;
            max = Math.Max(max, ParseConcatenation());
        }
        return max;
    }

    private int ParseConcatenation()
    {
        var max = 1;
        while (!AtEnd && Peek() != '|' && Peek() != ')')
        {
            max = Math.Max(max, ParseRepetition());
        }
        return max;
    }

    private int ParseRepetition()
    {
        if (IsRepetitionStart(out _, out _))
        {
            throw Invalid($"missing argument to repetition operator '{_p[_pos]}'", _pos);
        }
        var (repeatable, factor) = ParseAtom();
        var repeated = false;
        while (!AtEnd && IsRepetitionStart(out var count, out var length))
        {
            var opStart = _pos;
            if (repeated)
            {
                throw Invalid($"bad repetition operator '{_p[opStart..(opStart + length)]}': a repetition cannot be repeated", opStart);
            }
            if (!repeatable)
            {
                throw Invalid($"missing argument to repetition operator '{_p[opStart..(opStart + length)]}'", opStart);
            }
            _pos += length;
            if (count > Re2.MaxRepeat)
            {
                throw Invalid($"bad repetition operator: the count must be at most {Re2.MaxRepeat}", opStart);
            }
            factor = checked(Math.Max(factor, 1) * Math.Max(count, 1));
            if (factor > Re2.MaxRepeat)
            {
                throw Invalid($"bad repetition operator: nested repetition counts multiply past {Re2.MaxRepeat}", opStart);
            }
            if (!AtEnd && Peek() == '?')
            {
                _pos++; // lazy form
            }
            else if (!AtEnd && Peek() == '+')
            {
                throw Unsupported($"possessive quantifier '{_p[opStart.._pos]}+' is not supported by RE2", opStart);
            }
            repeated = true;
        }
        return factor;
    }

    /// <summary>Whether the cursor is on a repetition operator; for a valid <c>{n,m}</c>, its count and length.</summary>
    private bool IsRepetitionStart(out int count, out int length)
    {
        count = 1;
        length = 1;
        switch (Peek())
        {
            case '*' or '+' or '?':
                return !AtEnd;
            case '{':
                return TryCounted(out count, out length);
            default:
                return false;
        }
    }

    /// <summary>Reads <c>{n}</c>, <c>{n,}</c> or <c>{n,m}</c>; anything else is a literal '{' in RE2.</summary>
    private bool TryCounted(out int count, out int length)
    {
        count = 0;
        length = 0;
        var i = _pos + 1;
        if (!ReadNumber(ref i, out var min)) return false;
        var max = min;
        if (i < _p.Length && _p[i] == ',')
        {
            i++;
            if (i < _p.Length && _p[i] == '}') max = -1;
            else if (!ReadNumber(ref i, out max)) return false;
        }
        if (i >= _p.Length || _p[i] != '}') return false;
        length = i + 1 - _pos;
        if (max != -1 && max < min)
        {
            throw Invalid($"bad repetition operator '{_p[_pos..(i + 1)]}': the maximum is less than the minimum", _pos);
        }
        count = Math.Max(min, max);
        return true;
    }

    private bool ReadNumber(ref int i, out int value)
    {
        value = 0;
        var start = i;
        while (i < _p.Length && _p[i] is >= '0' and <= '9')
        {
            // Saturate: anything past the limit is rejected anyway.
            value = Math.Min(value * 10 + (_p[i] - '0'), 100_000);
            i++;
        }
        return i > start;
    }

    /// <returns>Whether the atom can take a repetition operator, and the repetition factor inside it.</returns>
    private (bool Repeatable, int Factor) ParseAtom()
    {
        var c = Peek();
        switch (c)
        {
            case '(':
                return ParseGroup();
            case '[':
                ParseClass();
                return (true, 1);
            case '\\':
                return (ParseEscape(), 1);
            default:
                _pos++;
                return (true, 1);
        }
    }

    private (bool Repeatable, int Factor) ParseGroup()
    {
        var open = _pos;
        _pos++;
        if (Peek() == '?' && !AtEnd)
        {
            _pos++;
            var construct = Peek();
            switch (construct)
            {
                case ':':
                    _pos++;
                    break;
                case '=':
                    throw Unsupported("look-ahead (?=…) is not supported by RE2", open);
                case '!':
                    throw Unsupported("negative look-ahead (?!…) is not supported by RE2", open);
                case '>':
                    throw Unsupported("atomic group (?>…) is not supported by RE2", open);
                case '(':
                    throw Unsupported("conditional group (?(…)…) is not supported by RE2", open);
                case '#':
                    throw Unsupported("comment group (?#…) is not supported by RE2", open);
                case '|':
                    throw Unsupported("branch-reset group (?|…) is not supported by RE2", open);
                case '\'':
                    throw Unsupported("named group (?'name'…) is not supported by RE2; use (?P<name>…)", open);
                case 'R' or '&' or '+' or (>= '0' and <= '9'):
                    throw Unsupported("recursion or subroutine call (?R), (?1), (?&name) is not supported by RE2", open);
                case '<':
                    if (Peek(1) == '=') throw Unsupported("look-behind (?<=…) is not supported by RE2", open);
                    if (Peek(1) == '!') throw Unsupported("negative look-behind (?<!…) is not supported by RE2", open);
                    _pos++;
                    ReadGroupName(open);
                    break;
                case 'P':
                    if (Peek(1) == '<')
                    {
                        _pos += 2;
                        ReadGroupName(open);
                        break;
                    }
                    if (Peek(1) == '=') throw Unsupported("named back-reference (?P=name) is not supported by RE2", open);
                    if (Peek(1) == '>') throw Unsupported("recursion (?P>name) is not supported by RE2", open);
                    throw Invalid("invalid named capture group: expected (?P<name>…)", open);
                default:
                    if (ParseFlags(open)) return (false, 1); // (?flags) alone: sets flags, matches nothing
                    break;
            }
        }
        if (++_depth > Re2.MaxNestingDepth)
        {
            throw Invalid($"expression nests too deeply: RE2 allows at most {Re2.MaxNestingDepth} nested groups", open);
        }
        var factor = ParseAlternation();
        _depth--;
        if (AtEnd)
        {
            throw Invalid("missing closing ')'", open);
        }
        _pos++; // ')'
        return (true, factor);
    }

    private void ReadGroupName(int open)
    {
        var start = _pos;
        while (!AtEnd && (char.IsLetterOrDigit(Peek()) || Peek() == '_')) _pos++;
        if (!AtEnd && Peek() == '-' && _pos > start)
        {
            throw Unsupported("balancing group (?<name-other>…) is not supported by RE2", open);
        }
        if (AtEnd || Peek() != '>')
        {
            throw Invalid("invalid named capture group: the name must be letters, digits or '_' closed by '>'", open);
        }
        if (_pos == start)
        {
            throw Invalid("invalid named capture group: the name is empty", open);
        }
        var name = _p[start.._pos];
        if (!(_groupNames ??= new(StringComparer.Ordinal)).Add(name))
        {
            throw Invalid($"duplicate capture group name '{name}'", open);
        }
        _pos++; // '>'
    }

    /// <summary>Reads <c>(?flags)</c> or <c>(?flags:</c>. Returns true for the standalone form (already past ')').</summary>
    private bool ParseFlags(int open)
    {
        var negated = false;
        var sawFlag = false;
        var sawAfterMinus = false;
        while (!AtEnd)
        {
            var c = Peek();
            switch (c)
            {
                case 'i' or 'm' or 's' or 'U':
                    sawFlag = true;
                    if (negated) sawAfterMinus = true;
                    _pos++;
                    continue;
                case 'x' or 'n' or 'J' or 'X' or 'u':
                    throw Unsupported($"flag '{c}' is not supported by RE2 (only i, m, s and U are)", _pos);
                case '-':
                    if (negated) throw Invalid("invalid flags: more than one '-'", _pos);
                    negated = true;
                    _pos++;
                    continue;
                case ':' or ')':
                    if (!sawFlag || (negated && !sawAfterMinus))
                    {
                        throw Invalid("invalid or missing flags in group", open);
                    }
                    _pos++;
                    return c == ')';
                default:
                    throw Invalid($"invalid group syntax '(?{c}'", open);
            }
        }
        throw Invalid("missing closing ')'", open);
    }

    /// <returns>Whether the escape can take a repetition operator.</returns>
    private bool ParseEscape()
    {
        var start = _pos;
        _pos++;
        if (AtEnd) throw Invalid("trailing backslash at end of expression", start);
        var c = Peek();
        switch (c)
        {
            case 'Q':
                _pos++;
                var end = _p.IndexOf("\\E", _pos, StringComparison.Ordinal);
                _pos = end < 0 ? _p.Length : end + 2;
                return true;
            case 'A' or 'z' or 'b' or 'B':
                _pos++;
                return true;
            case 'Z':
                throw Unsupported(@"\Z (end of text before a final newline) is not supported by RE2; use \z or $", start);
            case 'G':
                throw Unsupported(@"\G (end of previous match) is not supported by RE2", start);
            case 'K':
                throw Unsupported(@"\K (reset match start) is not supported by RE2", start);
            case 'k':
                throw Unsupported(@"named back-reference \k<name> is not supported by RE2", start);
            case 'g':
                throw Unsupported(@"back-reference \g is not supported by RE2", start);
            case >= '1' and <= '9':
                if (c <= '7' && Peek(1) is >= '0' and <= '7')
                {
                    SkipOctal();
                    return true;
                }
                throw Unsupported($@"back-reference \{c} is not supported by RE2", start);
            case '0':
                SkipOctal();
                return true;
            case 'p' or 'P':
                ParseUnicodeClass(start);
                return true;
            case 'x':
                _pos++;
                ParseHexEscape(start);
                return true;
            default:
                ParseSingleCharEscape(start, inClass: false);
                return true;
        }
    }

    private void SkipOctal()
    {
        // Up to three octal digits, the first already seen.
        _pos++;
        for (var n = 0; n < 2 && Peek() is >= '0' and <= '7' && !AtEnd; n++) _pos++;
    }

    private void ParseHexEscape(int start)
    {
        if (Peek() == '{' && !AtEnd)
        {
            _pos++;
            var digits = _pos;
            long value = 0;
            while (!AtEnd && Uri.IsHexDigit(Peek()))
            {
                value = Math.Min(value * 16 + Convert.ToInt32(Peek().ToString(), 16), 0x7FFF_FFFF);
                _pos++;
            }
            if (AtEnd || Peek() != '}' || _pos == digits)
            {
                throw Invalid(@"invalid escape \x{…}: expected hexadecimal digits closed by '}'", start);
            }
            if (value > 0x10FFFF)
            {
                throw Invalid(@"invalid escape \x{…}: the code point is above 10FFFF", start);
            }
            _pos++;
            return;
        }
        if (!Uri.IsHexDigit(Peek()) || !Uri.IsHexDigit(Peek(1)) || _pos + 1 >= _p.Length)
        {
            throw Invalid(@"invalid escape \x: expected two hexadecimal digits or \x{…}", start);
        }
        _pos += 2;
    }

    private void ParseUnicodeClass(int start)
    {
        _pos++; // p or P
        if (AtEnd) throw Invalid(@"invalid Unicode class: \p needs a class name", start);
        string name;
        if (Peek() == '{')
        {
            var close = _p.IndexOf('}', _pos);
            if (close < 0) throw Invalid(@"invalid Unicode class: missing '}' in \p{…}", start);
            name = _p[(_pos + 1)..close];
            _pos = close + 1;
            if (name.StartsWith('^')) name = name[1..];
        }
        else
        {
            name = _p[_pos].ToString();
            _pos++;
        }
        if (!Re2UnicodeClasses.IsKnown(name))
        {
            throw Invalid($"invalid Unicode class '{name}': RE2 knows the general categories, 'Any' and the Unicode scripts", start);
        }
    }

    /// <summary>Escapes of one character: Perl classes, control escapes and escaped punctuation.</summary>
    private void ParseSingleCharEscape(int start, bool inClass)
    {
        var c = Peek();
        switch (c)
        {
            case 'd' or 'D' or 's' or 'S' or 'w' or 'W':
            case 'a' or 'f' or 't' or 'n' or 'r' or 'v':
                _pos++;
                return;
            case 'C' when !inClass:
                _pos++;
                return;
            case 'e':
                throw Unsupported(@"escape \e is not supported by RE2; use \x1B", start);
            case 'c':
                throw Unsupported(@"control escape \cX is not supported by RE2; use \x..", start);
            case 'u':
                throw Unsupported(@"escape \u is not supported by RE2; use \x{…}", start);
            case 'o':
                throw Unsupported(@"octal escape \o{…} is not supported by RE2; use \x{…}", start);
            case 'h' or 'H' or 'R' or 'X' or 'N' or 'V' or 'E':
                throw Unsupported($@"escape \{c} is not supported by RE2", start);
        }
        if (c < 0x80 && !char.IsAsciiLetterOrDigit(c))
        {
            _pos++; // escaped punctuation is itself
            return;
        }
        throw Invalid($@"invalid escape sequence \{c}", start);
    }

    private void ParseClass()
    {
        var open = _pos;
        _pos++;
        if (Peek() == '^' && !AtEnd) _pos++;
        var first = true;
        while (true)
        {
            if (AtEnd) throw Invalid("missing closing ']' of character class", open);
            var c = Peek();
            if (c == ']' && !first)
            {
                _pos++;
                return;
            }
            first = false;
            if (c == '[' && Peek(1) == ':')
            {
                ParsePosixClass(open);
                continue;
            }
            var itemStart = _pos;
            var lo = ParseClassChar(open);
            if (Peek() == '-' && Peek(1) != ']' && _pos + 1 < _p.Length)
            {
                _pos++;
                var hiStart = _pos;
                if (Peek() == '[' && Peek(1) == ':') throw Invalid("invalid character class range: a range cannot end in a class", hiStart);
                var hi = ParseClassChar(open);
                if (lo < 0 || hi < 0)
                {
                    throw Invalid("invalid character class range: a range needs single characters at both ends", itemStart);
                }
                if (hi < lo)
                {
                    throw Invalid($"invalid character class range '{_p[itemStart.._pos]}': the end is before the start", itemStart);
                }
            }
        }
    }

    private void ParsePosixClass(int open)
    {
        var start = _pos;
        var close = _p.IndexOf(":]", _pos + 2, StringComparison.Ordinal);
        if (close < 0) throw Invalid("missing closing ']' of character class", open);
        var name = _p[(start + 2)..close];
        if (name.StartsWith('^')) name = name[1..];
        if (!Re2UnicodeClasses.IsPosix(name))
        {
            throw Invalid($"invalid character class range '[:{name}:]': not a POSIX class", start);
        }
        _pos = close + 2;
    }

    /// <returns>The code of a single character, or -1 for a class such as \d.</returns>
    private int ParseClassChar(int open)
    {
        if (AtEnd) throw Invalid("missing closing ']' of character class", open);
        var c = Peek();
        if (c != '\\')
        {
            if (char.IsHighSurrogate(c) && char.IsLowSurrogate(Peek(1)))
            {
                var code = char.ConvertToUtf32(c, Peek(1));
                _pos += 2;
                return code;
            }
            _pos++;
            return c;
        }
        var start = _pos;
        _pos++;
        if (AtEnd) throw Invalid("trailing backslash at end of expression", start);
        var e = Peek();
        switch (e)
        {
            case 'p' or 'P':
                ParseUnicodeClass(start);
                return -1;
            case 'd' or 'D' or 's' or 'S' or 'w' or 'W':
                _pos++;
                return -1;
            case 'x':
                _pos++;
                var hexStart = _pos;
                ParseHexEscape(start);
                var hex = _p[hexStart.._pos].Trim('{', '}');
                return Convert.ToInt32(hex, 16);
            case >= '0' and <= '7' when e == '0' || Peek(1) is >= '0' and <= '7':
                var octStart = _pos;
                SkipOctal();
                return Convert.ToInt32(_p[octStart.._pos], 8);
            case >= '1' and <= '9':
                throw Unsupported($@"back-reference \{e} is not supported by RE2", start);
            case 'b':
                throw Unsupported(@"\b inside a character class (backspace) is not supported by RE2; use \x08", start);
            case 'a': _pos++; return 7;
            case 'f': _pos++; return 12;
            case 't': _pos++; return 9;
            case 'n': _pos++; return 10;
            case 'r': _pos++; return 13;
            case 'v': _pos++; return 11;
            default:
                ParseSingleCharEscape(start, inClass: true);
                return e;
        }
    }
}
