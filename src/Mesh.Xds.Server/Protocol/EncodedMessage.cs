namespace Mesh.Xds.Server.Protocol;

/// <summary>
/// A response that is already protobuf wire format, held as segments: the parts shared by every stream (a snapshot's
/// encoded resources) and the few bytes of one stream (its nonce). The marshaller copies the segments to the
/// transport; nothing is re-serialised.
/// </summary>
internal sealed class EncodedMessage
{
    public EncodedMessage(IReadOnlyList<ReadOnlyMemory<byte>> segments)
    {
        Segments = segments;
        var length = 0;
        foreach (var segment in segments) length = checked(length + segment.Length);
        Length = length;
    }

    /// <summary>The message's bytes, in order; protobuf lets fields of a message come in any order.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Segments { get; }

    /// <summary>The total length in bytes.</summary>
    public int Length { get; }

    /// <summary>The bytes as one array (for tests and logs).</summary>
    public byte[] ToArray()
    {
        var bytes = new byte[Length];
        var offset = 0;
        foreach (var segment in Segments)
        {
            segment.Span.CopyTo(bytes.AsSpan(offset));
            offset += segment.Length;
        }
        return bytes;
    }
}
