using System.Text;
using Mesh.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Mesh.Serialization;

/// <summary>
/// The one hardened YAML reader of the SDK: mesh models, provider manifests and endpoint files are all read through it.
/// It turns YamlDotNet parser events into <see cref="YamlNode"/> trees with an explicit stack (no recursion over the input)
/// and enforces <see cref="MeshReaderOptions"/> as it goes: the size of the text, the nesting depth, the number of nodes
/// (aliases counted as expanded) and, unless <see cref="MeshReaderOptions.AllowAliases"/>, no aliases at all. Every limit and
/// every syntax error is a diagnostic (<see cref="DiagnosticCodes.LimitExceeded"/>, <see cref="DiagnosticCodes.Syntax"/>)
/// with a line and column; nothing throws for bad input.
/// </summary>
public static class YamlStreamReader
{
    /// <summary>Reads every document of a YAML stream.</summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="sourceName">The file name put in diagnostics' locations, or null.</param>
    /// <param name="options">The limits, or null for <see cref="MeshReaderOptions.Default"/>.</param>
    /// <param name="diagnostics">Receives the problems (path <c>$</c>, located at the offending node).</param>
    /// <returns>
    /// The root of each document read completely, in order (an empty document is a plain empty scalar). Reading stops at
    /// the first syntax error or exceeded limit, which is reported.
    /// </returns>
    public static IReadOnlyList<YamlNode> Read(string text, string? sourceName, MeshReaderOptions? options, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(diagnostics);
        options ??= MeshReaderOptions.Default;
        if (text.Length > options.MaxBytes || Encoding.UTF8.GetByteCount(text) > options.MaxBytes)
        {
            diagnostics.Add(Error(DiagnosticCodes.LimitExceeded, sourceName, 1, 1, $"The document is larger than {options.MaxBytes} bytes (MaxBytes)."));
            return [];
        }
        using var reader = new StringReader(text);
        return Read(reader, options, (code, line, column, message) => diagnostics.Add(Error(code, sourceName, line, column, message)));
    }

    private static Diagnostic Error(DiagnosticCode code, string? sourceName, int line, int column, string message) =>
        Diagnostic.Error(code, "$", message) with { Location = new SourceLocation(sourceName, line, column) };

    /// <summary>The engine: reads documents from <paramref name="text"/> until the end, a syntax error or a limit.</summary>
    internal static List<YamlNode> Read(TextReader text, MeshReaderOptions options, Action<DiagnosticCode, int, int, string> error)
    {
        var documents = new List<YamlNode>();
        var stack = new Stack<(YamlNode Node, AnchorName Anchor)>();
        var anchors = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        YamlNode? root = null;
        var documentStart = Mark.Empty;
        long nodes = 0;
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
                        anchors.Clear();
                        root = null;
                        nodes = 0;
                        documentStart = start.Start;
                        break;
                    case DocumentEnd:
                        documents.Add(root ?? new YamlNode(YamlNodeKind.Scalar, Line(documentStart), Column(documentStart), string.Empty, isPlain: true));
                        break;
                    case AnchorAlias alias:
                        if (!options.AllowAliases)
                        {
                            error(DiagnosticCodes.LimitExceeded, Line(alias.Start), Column(alias.Start),
                                $"YAML aliases (*{alias.Value}) are not supported: they can expand exponentially (an alias bomb); write the value out.");
                            return documents;
                        }
                        if (!anchors.TryGetValue(alias.Value.Value, out var target))
                        {
                            error(DiagnosticCodes.Syntax, Line(alias.Start), Column(alias.Start), $"The alias *{alias.Value} names no anchor defined before it in this document.");
                            return documents;
                        }
                        nodes += target.Size;
                        if (nodes > options.MaxNodes)
                        {
                            error(DiagnosticCodes.LimitExceeded, Line(alias.Start), Column(alias.Start),
                                $"The document has more than {options.MaxNodes} nodes (MaxNodes) once its aliases are expanded (*{alias.Value} alone stands for {target.Size}).");
                            return documents;
                        }
                        if (stack.Count + target.Height > options.MaxDepth)
                        {
                            error(DiagnosticCodes.LimitExceeded, Line(alias.Start), Column(alias.Start), $"The document nests deeper than {options.MaxDepth} levels (MaxDepth) once the alias *{alias.Value} is expanded.");
                            return documents;
                        }
                        if (stack.Count == 0) root = target;
                        else stack.Peek().Node.Add(target);
                        break;
                    case NodeEvent node:
                        if (++nodes > options.MaxNodes)
                        {
                            error(DiagnosticCodes.LimitExceeded, Line(node.Start), Column(node.Start), $"The document has more than {options.MaxNodes} nodes (MaxNodes).");
                            return documents;
                        }
                        var created = Create(node);
                        if (created.Kind != YamlNodeKind.Scalar && stack.Count >= options.MaxDepth)
                        {
                            error(DiagnosticCodes.LimitExceeded, created.Line, created.Column, $"The document nests deeper than {options.MaxDepth} levels (MaxDepth).");
                            return documents;
                        }
                        if (stack.Count == 0) root = created;
                        else stack.Peek().Node.Add(created);
                        if (created.Kind != YamlNodeKind.Scalar) stack.Push((created, node.Anchor));
                        else if (!node.Anchor.IsEmpty) anchors[node.Anchor.Value] = created;
                        break;
                    case SequenceEnd or MappingEnd:
                        var (done, anchor) = stack.Pop();
                        long size = 1;
                        var height = 0;
                        foreach (var child in done.Children)
                        {
                            size += child.Size;
                            height = Math.Max(height, child.Height + 1);
                        }
                        done.Size = size;
                        done.Height = height;
                        // Registered when complete, so an alias inside its own anchor's subtree cannot form a cycle.
                        if (!anchor.IsEmpty) anchors[anchor.Value] = done;
                        break;
                }
            }
        }
        catch (YamlException e)
        {
            error(DiagnosticCodes.Syntax, Line(e.Start), Column(e.Start), "YAML syntax error: " + e.Message);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException or IndexOutOfRangeException)
        {
            // The scanner throws these, rather than YamlException, on a few malformed inputs; they are still syntax errors.
            error(DiagnosticCodes.Syntax, Line(last), Column(last), "YAML syntax error after this position: the text cannot be parsed.");
        }
        return documents;
    }

    private static YamlNode Create(NodeEvent node) => node switch
    {
        Scalar scalar => new YamlNode(YamlNodeKind.Scalar, Line(scalar.Start), Column(scalar.Start), scalar.Value, scalar.Style == ScalarStyle.Plain && scalar.Tag.IsEmpty),
        SequenceStart => new YamlNode(YamlNodeKind.Sequence, Line(node.Start), Column(node.Start), string.Empty, isPlain: false),
        _ => new YamlNode(YamlNodeKind.Mapping, Line(node.Start), Column(node.Start), string.Empty, isPlain: false),
    };

    private static int Line(Mark mark) => (int)Math.Max(1, mark.Line);

    private static int Column(Mark mark) => (int)Math.Max(1, mark.Column);
}
