using Mesh.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Mesh.Serialization;

/// <summary>
/// Turns YamlDotNet parser events into a <see cref="YamlNode"/> tree with an explicit stack (no recursion),
/// enforcing the depth and node limits as it goes and refusing aliases, so hostile input stays bounded.
/// </summary>
internal static class YamlTreeReader
{
    /// <summary>Parses one document; returns null (with a diagnostic) when the text is not a readable single document.</summary>
    public static YamlNode? Parse(TextReader text, MeshReaderOptions options, ReadContext context)
    {
        var stack = new Stack<YamlNode>();
        YamlNode? root = null;
        var nodes = 0;
        var documents = 0;
        var last = Mark.Empty;
        try
        {
            var parser = new Parser(text);
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                last = current.End;
                switch (current)
                {
                    case DocumentStart start:
                        if (++documents > 1)
                        {
                            context.Error(DiagnosticCodes.Syntax, "$", Line(start.Start), Column(start.Start), "Expected a single YAML document, found more than one.");
                            return null;
                        }
                        break;
                    case AnchorAlias alias:
                        context.Error(DiagnosticCodes.LimitExceeded, "$", Line(alias.Start), Column(alias.Start),
                            $"YAML aliases (*{alias.Value}) are not supported: they can expand exponentially (an alias bomb); write the value out.");
                        return null;
                    case NodeEvent node:
                        if (++nodes > options.MaxNodes)
                        {
                            context.Error(DiagnosticCodes.LimitExceeded, "$", Line(node.Start), Column(node.Start),
                                $"The document has more than {options.MaxNodes} nodes (MaxNodes).");
                            return null;
                        }
                        var created = Create(node);
                        if (created.Kind != YamlNodeKind.Scalar && stack.Count >= options.MaxDepth)
                        {
                            context.Error(DiagnosticCodes.LimitExceeded, "$", created.Line, created.Column,
                                $"The document nests deeper than {options.MaxDepth} levels (MaxDepth).");
                            return null;
                        }
                        if (stack.Count == 0) root = created;
                        else stack.Peek().Children.Add(created);
                        if (created.Kind != YamlNodeKind.Scalar) stack.Push(created);
                        break;
                    case SequenceEnd or MappingEnd:
                        stack.Pop();
                        break;
                }
            }
        }
        catch (YamlException e)
        {
            context.Error(DiagnosticCodes.Syntax, "$", Line(e.Start), Column(e.Start), "YAML syntax error: " + e.Message);
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException or IndexOutOfRangeException)
        {
            // The scanner throws these, rather than YamlException, on a few malformed inputs; they are still syntax errors.
            context.Error(DiagnosticCodes.Syntax, "$", Line(last), Column(last), "YAML syntax error after this position: the text cannot be parsed.");
            return null;
        }
        if (root is null)
        {
            context.Error(DiagnosticCodes.MissingRequired, "$", 1, 1, "The document is empty: expected a mapping with kind, metadata and spec.");
        }
        return root;
    }

    private static YamlNode Create(NodeEvent node) => node switch
    {
        Scalar scalar => new YamlNode
        {
            Kind = YamlNodeKind.Scalar,
            Line = Line(scalar.Start),
            Column = Column(scalar.Start),
            Value = scalar.Value,
            IsPlain = scalar.Style == ScalarStyle.Plain && scalar.Tag.IsEmpty,
        },
        SequenceStart => new YamlNode { Kind = YamlNodeKind.Sequence, Line = Line(node.Start), Column = Column(node.Start) },
        _ => new YamlNode { Kind = YamlNodeKind.Mapping, Line = Line(node.Start), Column = Column(node.Start) },
    };

    private static int Line(Mark mark) => (int)Math.Max(1, mark.Line);

    private static int Column(Mark mark) => (int)Math.Max(1, mark.Column);
}
