using System.Text;
using CsCheck;
using Mesh.Diagnostics;
using Mesh.Serialization;
using Mesh.Testing;

namespace Mesh.Abstractions.Tests.Serialization;

/// <summary>Hostile input stays bounded: alias bombs, huge streams, deep nesting and node floods become LimitExceeded diagnostics.</summary>
public class LimitTests
{
    [Fact]
    public void Defaults_ArePinned()
    {
        var options = new MeshReaderOptions();
        Assert.Equal(16L * 1024 * 1024, options.MaxBytes);
        Assert.Equal(64, options.MaxDepth);
        Assert.Equal(1_000_000, options.MaxNodes);
        Assert.Equal(1_000, options.MaxDiagnostics);
        Assert.Equal(options, MeshReaderOptions.Default);
    }

    /// <summary>The shared hostile shapes (alias bomb, 20,000-deep nesting, 50 MB, 1,000,000 nodes) are each one MESH1006 with a location, and no model.</summary>
    [Fact]
    public void SharedHostileShapes_AreEachALimitDiagnostic()
    {
        foreach (var (name, make) in HostileYaml.All("kind: Mesh\nmetadata: { name: m }\n"))
        {
            var result = MeshYaml.Read(make(), "hostile.yaml");
            var d = Assert.Single(result.Diagnostics);
            Assert.True(d.Code == DiagnosticCodes.LimitExceeded, $"{name}: {d}");
            Assert.NotNull(d.Location);
            Assert.Null(result.Config);
        }
    }

    /// <summary>With aliases allowed, the same bomb stops at MaxNodes while the aliases are counted, never expanded.</summary>
    [Fact]
    public void AliasBomb_WithAliasesAllowed_StopsAtMaxNodes()
    {
        var diagnostics = new List<Diagnostic>();
        var documents = YamlStreamReader.Read(HostileYaml.AliasBomb(), "bomb.yaml", MeshReaderOptions.Default with { AllowAliases = true }, diagnostics);
        Assert.Empty(documents);
        var d = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.LimitExceeded, d.Code);
        Assert.Contains("MaxNodes", d.Message, StringComparison.Ordinal);
        Assert.Equal("bomb.yaml", d.Location!.File);
    }

    /// <summary>Aliases within the limits are read as the node they name, counted as if written out.</summary>
    [Fact]
    public void Aliases_WithinLimits_ShareTheirNode_AndCountAsExpanded()
    {
        var diagnostics = new List<Diagnostic>();
        var documents = YamlStreamReader.Read("a: &x [1, 2, 3]\nb: *x\n", null, MeshReaderOptions.Default with { AllowAliases = true }, diagnostics);
        Assert.Empty(diagnostics);
        var root = Assert.Single(documents);
        Assert.Same(root.Children[1], root.Children[3]);
        Assert.Equal(1 + 2 + 4 + 4, root.Size);
        Assert.Equal(2, root.Height);
    }

    [Fact]
    public void AliasBomb_IsRejectedAtTheFirstAlias()
    {
        var yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var level = 'b'; level <= 'i'; level++)
        {
            var previous = (char)(level - 1);
            yaml.Append(level).Append(": &").Append(level).Append(" [").AppendJoin(",", Enumerable.Repeat("*" + previous, 9)).Append("]\n");
        }
        var result = MeshYaml.Read(yaml.ToString(), "bomb.yaml");
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.LimitExceeded, d.Code);
        Assert.Equal("$", d.Path);
        Assert.Equal(new SourceLocation("bomb.yaml", 2, 8), d.Location);
        Assert.Contains("alias", d.Message, StringComparison.Ordinal);
        Assert.Null(result.Config);
    }

    [Fact]
    public void FiftyMegabyteStream_StopsAtMaxBytes_WithoutReadingItAll()
    {
        using var stream = new EndlessYamlStream(50L * 1024 * 1024);
        var options = new MeshReaderOptions();
        var result = MeshYaml.Read(stream, "huge.yaml", options);
        // The input is pulled in small chunks as the parser goes, never as one buffer of the input's size.
        Assert.InRange(stream.LargestRead, 1, 16 * 1024);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.LimitExceeded, d.Code);
        Assert.Equal("$", d.Path);
        Assert.Equal(new SourceLocation("huge.yaml", 1, 1), d.Location);
        Assert.Null(result.Config);
        Assert.InRange(stream.BytesRead, options.MaxBytes + 1, options.MaxBytes + 1);
    }

    [Fact]
    public void ValidYamlCutByMaxBytes_ReportsOnlyTheLimit()
    {
        var yaml = "kind: Mesh\nmetadata: { name: m }\nspec:\n  services:\n" + string.Concat(Enumerable.Repeat("    - { name: a, namespace: b }\n", 1000));
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(yaml));
        var result = MeshYaml.Read(stream, null, new MeshReaderOptions { MaxBytes = 1000 });
        Assert.Equal(DiagnosticCodes.LimitExceeded, Assert.Single(result.Diagnostics).Code);
        Assert.Equal(1001, stream.Position);
    }

    [Fact]
    public void StreamWithinMaxBytes_IsRead()
    {
        var yaml = "kind: Mesh\nmetadata: { name: small }\n";
        using var stream = new MemoryStream([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(yaml)]);
        var result = MeshYaml.Read(stream, "small.yaml", new MeshReaderOptions { MaxBytes = 100 });
        Assert.Empty(result.Diagnostics);
        Assert.Equal("small", result.Config!.Name);
    }

    [Fact]
    public void InvalidUtf8_IsASyntaxError()
    {
        using var stream = new MemoryStream([.. "kind: "u8, 0xC3, 0x28, .. "\n"u8]);
        Assert.Equal(DiagnosticCodes.Syntax, Assert.Single(MeshYaml.Read(stream).Diagnostics).Code);
    }

    [Fact]
    public void TextLargerThanMaxBytes_IsLimitExceeded()
    {
        var result = MeshYaml.Read("kind: Mesh\nmetadata: { name: é }\n", null, new MeshReaderOptions { MaxBytes = 20 });
        Assert.Equal(DiagnosticCodes.LimitExceeded, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void TenThousandDeepFlowNesting_IsLimitExceeded()
    {
        var yaml = "kind: Mesh\nmetadata: " + new string('[', 10_000) + new string(']', 10_000) + "\n";
        var d = Assert.Single(MeshYaml.Read(yaml, "deep.yaml").Diagnostics);
        Assert.Equal(DiagnosticCodes.LimitExceeded, d.Code);
        // The 64th nested sequence is the first one too deep (the root mapping is level 1).
        Assert.Equal(new SourceLocation("deep.yaml", 2, 11 + 63), d.Location);
    }

    [Fact]
    public void TenThousandDeepBlockNesting_IsLimitExceeded()
    {
        var yaml = string.Concat(Enumerable.Repeat("- ", 10_000)) + "x\n";
        var d = Assert.Single(MeshYaml.Read(yaml, "deep.yaml").Diagnostics);
        Assert.Equal(DiagnosticCodes.LimitExceeded, d.Code);
        // The root sequence is level 1; the 65th, at column 129, is the first one too deep.
        Assert.Equal(new SourceLocation("deep.yaml", 1, 129), d.Location);
    }

    [Fact]
    public void TenThousandDeepNesting_WithoutADepthLimit_DoesNotRecurse()
    {
        // With the limit lifted, the tree is still built without recursion; the document is then simply the wrong shape.
        var flow = new string('[', 10_000) + new string(']', 10_000);
        var blockMappings = string.Concat(Enumerable.Range(0, 2_000).Select(i => new string(' ', i) + "a:\n")) + new string(' ', 2_000) + "b\n";
        foreach (var yaml in new[] { flow, blockMappings })
        {
            var result = MeshYaml.Read(yaml, null, new MeshReaderOptions { MaxDepth = int.MaxValue });
            Assert.True(result.HasErrors);
            Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.LimitExceeded);
        }
    }

    [Fact]
    public void MoreNodesThanMaxNodes_IsLimitExceeded()
    {
        var yaml = "kind: Mesh\nmetadata: { name: m }\nspec:\n  services: [" + string.Join(", ", Enumerable.Repeat("{ name: a, namespace: b }", 50)) + "]\n";
        var d = Assert.Single(MeshYaml.Read(yaml, null, new MeshReaderOptions { MaxNodes = 100 }).Diagnostics);
        Assert.Equal(DiagnosticCodes.LimitExceeded, d.Code);
        Assert.Contains("MaxNodes", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ManyProblems_AreCappedAtMaxDiagnostics()
    {
        var yaml = "kind: Mesh\nmetadata: { name: m }\nspec:\n  services: [" + string.Join(", ", Enumerable.Repeat("{ bad: 1 }", 50)) + "]\n";
        var result = MeshYaml.Read(yaml, null, new MeshReaderOptions { MaxDiagnostics = 10 });
        Assert.Equal(11, result.Diagnostics.Count);
        Assert.Equal(DiagnosticCodes.LimitExceeded, result.Diagnostics[^1].Code);
    }

    [Fact]
    public void MutatedDocuments_NeverThrow()
    {
        var mutation = Gen.Select(MeshGenerators.Config, Gen.Int[0, int.MaxValue], Gen.OneOf(Gen.Char["{}[]:,-&*!|>'\"#% \n\t?"], Gen.Char), Gen.Int[0, 2]);
        mutation.Sample((config, at, c, kind) =>
        {
            var text = MeshYaml.Write(config);
            var i = at % text.Length;
            var mutated = kind switch
            {
                0 => text.Remove(i, 1),
                1 => text.Insert(i, c.ToString()),
                _ => text[..i] + c + text[(i + 1)..],
            };
            var result = MeshYaml.Read(mutated);
            Assert.Equal(result.HasErrors, result.Config is null);
            Assert.All(result.Diagnostics, d => Assert.NotNull(d.Location));
        }, iter: 1000);
    }

    /// <summary>A read-only stream of <c>length</c> bytes of YAML comments, produced on the fly; counts what was read.</summary>
    private sealed class EndlessYamlStream(long length) : Stream
    {
        private static readonly byte[] Line = "# padding padding padding padding padding padding padding\n"u8.ToArray();

        public long BytesRead { get; private set; }

        public int LargestRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - BytesRead);
            for (var i = 0; i < n; i++) buffer[offset + i] = Line[(BytesRead + i) % Line.Length];
            BytesRead += n;
            LargestRead = Math.Max(LargestRead, count);
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
