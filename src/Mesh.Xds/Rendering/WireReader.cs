using System.Buffers.Binary;

namespace Mesh.Xds.Rendering;

/// <summary>A minimal protobuf wire reader: tags, varints, fixed and length-delimited fields. Never throws on bad input.</summary>
internal ref struct WireReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _position;

    public readonly bool End => _position >= _data.Length;

    public readonly int Position => _position;

    /// <summary>Reads the next field header; false at the end or on malformed input.</summary>
    public bool Next(out int field, out int wireType)
    {
        field = 0;
        wireType = 0;
        if (End || !Varint(out var tag)) return false;
        field = (int)(tag >> 3);
        wireType = (int)(tag & 7);
        return field > 0;
    }

    public bool Varint(out ulong value)
    {
        value = 0;
        for (var shift = 0; shift < 64 && _position < _data.Length; shift += 7)
        {
            var b = _data[_position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return true;
        }
        return false;
    }

    public bool Fixed64(out ulong value)
    {
        value = 0;
        if (_position + 8 > _data.Length) return false;
        value = BinaryPrimitives.ReadUInt64LittleEndian(_data[_position..]);
        _position += 8;
        return true;
    }

    public bool Fixed32(out uint value)
    {
        value = 0;
        if (_position + 4 > _data.Length) return false;
        value = BinaryPrimitives.ReadUInt32LittleEndian(_data[_position..]);
        _position += 4;
        return true;
    }

    public bool LengthDelimited(out ReadOnlySpan<byte> value)
    {
        value = default;
        if (!Varint(out var length) || length > (ulong)(_data.Length - _position)) return false;
        value = _data.Slice(_position, (int)length);
        _position += (int)length;
        return true;
    }

    /// <summary>Skips a field of the given wire type.</summary>
    public bool Skip(int wireType) => wireType switch
    {
        0 => Varint(out _),
        1 => Fixed64(out _),
        2 => LengthDelimited(out _),
        5 => Fixed32(out _),
        _ => false,
    };
}
