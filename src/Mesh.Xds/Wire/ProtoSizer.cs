using System.Runtime.CompilerServices;
using System.Buffers;
using System.Text;
using Google.Protobuf;

namespace Mesh.Xds.Wire;

/// <summary>
/// The measuring pass: counts the bytes an encoding produces and records, in call order, the length of every
/// nested message so that <see cref="ProtoWriter"/> can write length prefixes without a second measurement.
/// The lengths live in an array rented from <see cref="ArrayPool{T}"/>; call <see cref="Dispose"/> (or hand the
/// array to the writer and return it there).
/// </summary>
internal ref struct ProtoSizer : IProtoSink
{
    private const int MaxDepth = 64;
    private int[] _lengths;
    private int _count;
    private Span<int> _slots;
    private Span<int> _starts;
    private int _depth;
    private int _position;

    /// <summary>Creates a sizer over two stack buffers of <see cref="MaxDepth"/> entries each.</summary>
    public ProtoSizer(Span<int> slots, Span<int> starts)
    {
        _lengths = ArrayPool<int>.Shared.Rent(256);
        _slots = slots;
        _starts = starts;
    }

    /// <summary>The stack space a sizer needs for each of its two buffers.</summary>
    public static int StackSize => MaxDepth;

    /// <summary>The bytes measured so far.</summary>
    public readonly int Size => _position;

    /// <summary>The recorded nested-message lengths (valid up to <see cref="Count"/>).</summary>
    public readonly int[] Lengths => _lengths;

    /// <summary>How many nested messages were measured.</summary>
    public readonly int Count => _count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void String(int field, string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        StringAlways(field, value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void StringAlways(int field, string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        _position += CodedOutputStream.ComputeTagSize(field) + CodedOutputStream.ComputeLengthSize(length) + length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Utf8(int field, ReadOnlySpan<byte> value) =>
        _position += CodedOutputStream.ComputeTagSize(field) + CodedOutputStream.ComputeLengthSize(value.Length) + value.Length;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Raw(ReadOnlySpan<byte> encoded) => _position += encoded.Length;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Bytes(int field, ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty) return;
        _position += CodedOutputStream.ComputeTagSize(field) + CodedOutputStream.ComputeLengthSize(value.Length) + value.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Varint(int field, ulong value)
    {
        if (value == 0) return;
        _position += CodedOutputStream.ComputeTagSize(field) + CodedOutputStream.ComputeUInt64Size(value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Bool(int field, bool value)
    {
        if (!value) return;
        _position += CodedOutputStream.ComputeTagSize(field) + 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Double(int field, double value)
    {
        if (value == 0) return;
        _position += CodedOutputStream.ComputeTagSize(field) + 8;
    }

    public void PackedUInt32(int field, ReadOnlySpan<int> values)
    {
        if (values.IsEmpty) return;
        var length = 0;
        foreach (var v in values) length += CodedOutputStream.ComputeUInt32Size((uint)v);
        _position += CodedOutputStream.ComputeTagSize(field) + CodedOutputStream.ComputeLengthSize(length) + length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Hex(int field, ulong value) =>
        _position += CodedOutputStream.ComputeTagSize(field) + 1 + 16;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Known(int field, int length) =>
        _position += CodedOutputStream.ComputeTagSize(field) + CodedOutputStream.ComputeLengthSize(length);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Begin(int field)
    {
        if (_depth == MaxDepth) throw new InvalidOperationException("Messages nest deeper than the encoder supports.");
        _position += CodedOutputStream.ComputeTagSize(field);
        if (_count == _lengths.Length)
        {
            var bigger = ArrayPool<int>.Shared.Rent(_lengths.Length * 2);
            _lengths.AsSpan().CopyTo(bigger);
            ArrayPool<int>.Shared.Return(_lengths);
            _lengths = bigger;
        }
        _slots[_depth] = _count++;
        _starts[_depth] = _position;
        _depth++;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void End()
    {
        _depth--;
        var length = _position - _starts[_depth];
        _lengths[_slots[_depth]] = length;
        _position += CodedOutputStream.ComputeLengthSize(length);
    }

    /// <summary>Starts measuring a new message, keeping the rented length array.</summary>
    public void Reset()
    {
        _count = 0;
        _depth = 0;
        _position = 0;
    }

    /// <summary>Returns the rented length array to the pool.</summary>
    public void Dispose()
    {
        if (_lengths.Length > 0) ArrayPool<int>.Shared.Return(_lengths);
        _lengths = [];
    }
}
