using System.Runtime.CompilerServices;
using System.Buffers.Binary;
using System.Text;
using Google.Protobuf;

namespace Mesh.Xds.Wire;

/// <summary>
/// The writing pass: protobuf wire format straight into a span sized by <see cref="ProtoSizer"/>, taking the
/// nested-message lengths the sizer recorded in the same call order. UTF-8 is encoded directly into the span.
/// </summary>
internal ref struct ProtoWriter : IProtoSink
{
    /// <summary>The longest string (in UTF-16 chars) whose UTF-8 length surely fits a one-byte varint (3 × 42 = 126).</summary>
    private const int MaxOneByteChars = 42;

    private readonly Span<byte> _buffer;
    private readonly ReadOnlySpan<int> _lengths;
    private int _next;
    private int _position;

    /// <summary>Creates a writer over <paramref name="buffer"/> with the lengths measured for the same calls.</summary>
    public ProtoWriter(Span<byte> buffer, ReadOnlySpan<int> lengths)
    {
        _buffer = buffer;
        _lengths = lengths;
    }

    /// <summary>The bytes written so far.</summary>
    public readonly int Written => _position;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void String(int field, string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        StringAlways(field, value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void StringAlways(int field, string value)
    {
        Tag(field, WireFormat.WireType.LengthDelimited);
        if (value.Length <= MaxOneByteChars)
        {
            // At most 3 UTF-8 bytes per UTF-16 char, so the length fits one byte: transcode once, then write it.
            var written = Encoding.UTF8.GetBytes(value, _buffer[(_position + 1)..]);
            _buffer[_position] = (byte)written;
            _position += 1 + written;
            return;
        }
        var length = Encoding.UTF8.GetByteCount(value);
        Raw((uint)length);
        _position += Encoding.UTF8.GetBytes(value, _buffer[_position..]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Utf8(int field, ReadOnlySpan<byte> value)
    {
        Tag(field, WireFormat.WireType.LengthDelimited);
        Raw((uint)value.Length);
        value.CopyTo(_buffer[_position..]);
        _position += value.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Raw(ReadOnlySpan<byte> encoded)
    {
        encoded.CopyTo(_buffer[_position..]);
        _position += encoded.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Bytes(int field, ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty) return;
        Tag(field, WireFormat.WireType.LengthDelimited);
        Raw((uint)value.Length);
        value.CopyTo(_buffer[_position..]);
        _position += value.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Varint(int field, ulong value)
    {
        if (value == 0) return;
        Tag(field, WireFormat.WireType.Varint);
        Raw(value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Bool(int field, bool value)
    {
        if (!value) return;
        Tag(field, WireFormat.WireType.Varint);
        _buffer[_position++] = 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Double(int field, double value)
    {
        if (value == 0) return;
        Tag(field, WireFormat.WireType.Fixed64);
        BinaryPrimitives.WriteDoubleLittleEndian(_buffer[_position..], value);
        _position += 8;
    }

    public void PackedUInt32(int field, ReadOnlySpan<int> values)
    {
        if (values.IsEmpty) return;
        var length = 0;
        foreach (var v in values) length += CodedOutputStream.ComputeUInt32Size((uint)v);
        Tag(field, WireFormat.WireType.LengthDelimited);
        Raw((uint)length);
        foreach (var v in values) Raw((uint)v);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Hex(int field, ulong value)
    {
        Tag(field, WireFormat.WireType.LengthDelimited);
        _buffer[_position++] = 16;
        value.TryFormat(_buffer.Slice(_position, 16), out _, "x16", System.Globalization.CultureInfo.InvariantCulture);
        _position += 16;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Known(int field, int length)
    {
        Tag(field, WireFormat.WireType.LengthDelimited);
        Raw((uint)length);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Begin(int field)
    {
        Tag(field, WireFormat.WireType.LengthDelimited);
        Raw((uint)_lengths[_next++]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void End()
    {
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Tag(int field, WireFormat.WireType type) => Raw(WireFormat.MakeTag(field, type));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Raw(ulong value)
    {
        while (value > 0x7F)
        {
            _buffer[_position++] = (byte)(value | 0x80);
            value >>= 7;
        }
        _buffer[_position++] = (byte)value;
    }
}
