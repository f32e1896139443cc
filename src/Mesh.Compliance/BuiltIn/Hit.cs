using Mesh.Collections;

namespace Mesh.Compliance.BuiltIn;

/// <summary>A candidate violation, before target selection and exemptions: where, what, and the object it is about.</summary>
internal sealed record Hit(string Path, string Message, RuleSubject Subject, string? Namespace, string? Name, EquatableMap<string> Labels);
