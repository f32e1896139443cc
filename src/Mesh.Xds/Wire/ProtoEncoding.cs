using System.Buffers;

namespace Mesh.Xds.Wire;

/// <summary>Runs a message encoder: measure, reserve exactly that many bytes, write, check.</summary>
internal static class ProtoEncoding
{
    /// <summary>Writes one message into <paramref name="output"/> and returns its size in bytes.</summary>
    public static int Write<TMessage>(IBufferWriter<byte> output, in TMessage message) where TMessage : IMessageEncoder
    {
        Span<int> slots = stackalloc int[ProtoSizer.StackSize];
        Span<int> starts = stackalloc int[ProtoSizer.StackSize];
        var sizer = new ProtoSizer(slots, starts);
        try
        {
            message.Encode(ref sizer);
            var size = sizer.Size;
            var span = output.GetSpan(size)[..size];
            var writer = new ProtoWriter(span, sizer.Lengths.AsSpan(0, sizer.Count));
            message.Encode(ref writer);
            if (writer.Written != size)
            {
                throw new InvalidOperationException($"Encoder wrote {writer.Written} bytes after measuring {size}.");
            }
            output.Advance(size);
            return size;
        }
        finally
        {
            sizer.Dispose();
        }
    }

    /// <summary>
    /// Writes one message with a sizer the caller keeps across messages (so its length array is rented once);
    /// returns the bytes written, which stay visible in <paramref name="written"/> until the next call.
    /// </summary>
    public static int Write<TMessage>(IBufferWriter<byte> output, in TMessage message, ref ProtoSizer sizer, out ReadOnlySpan<byte> written) where TMessage : IMessageEncoder
    {
        sizer.Reset();
        message.Encode(ref sizer);
        var size = sizer.Size;
        var span = output.GetSpan(size)[..size];
        var writer = new ProtoWriter(span, sizer.Lengths.AsSpan(0, sizer.Count));
        message.Encode(ref writer);
        if (writer.Written != size)
        {
            throw new InvalidOperationException($"Encoder wrote {writer.Written} bytes after measuring {size}.");
        }
        written = span;
        output.Advance(size);
        return size;
    }

    /// <summary>Measures one message without writing it.</summary>
    public static int ComputeSize<TMessage>(in TMessage message) where TMessage : IMessageEncoder
    {
        Span<int> slots = stackalloc int[ProtoSizer.StackSize];
        Span<int> starts = stackalloc int[ProtoSizer.StackSize];
        var sizer = new ProtoSizer(slots, starts);
        try
        {
            message.Encode(ref sizer);
            return sizer.Size;
        }
        finally
        {
            sizer.Dispose();
        }
    }
}
