using Mesh.Diagnostics;

namespace Mesh.Validation;

/// <summary>Why RE2 (the engine behind Envoy's <c>safe_regex</c>) cannot run a pattern.</summary>
/// <param name="Code">
/// <see cref="DiagnosticCodes.RegexUnsupported"/> when the pattern is valid in PCRE or .NET but uses a construct RE2 lacks;
/// <see cref="DiagnosticCodes.RegexInvalid"/> when it does not parse as a regular expression at all.
/// </param>
/// <param name="Message">A sentence naming the construct or the syntax error.</param>
/// <param name="Offset">The zero-based index in the pattern where the problem starts.</param>
public sealed record Re2Problem(DiagnosticCode Code, string Message, int Offset);
