using System.Text;
using Google.Protobuf;

namespace Mesh.Xds.Server.Protocol;

/// <summary>
/// Writes the few protobuf fields the server adds around pre-encoded resources (nonces, versions, names, the
/// <c>Any</c> and <c>Resource</c> wrappers): sizes from <see cref="CodedOutputStream"/>, bytes into a span.
/// </summary>
internal ref struct WireBuilder(Span<byte> buffer)
{
    private readonly Span<byte> _buffer = buffer;
    private int _position;

    public readonly int Written => _position;

    public static int StringFieldSize(int field, string value) => CodedOutputStream.ComputeTagSize(field) + CodedOutputStream.ComputeStringSize(value);

    public static int BytesFieldSize(int field, int length) => CodedOutputStream.ComputeTagSize(field) + CodedOutputStream.ComputeLengthSize(length) + length;

    public void Tag(int field, WireFormat.WireType type) => Varint(WireFormat.MakeTag(field, type));

    public void Varint(uint value)
    {
        while (value >= 0x80)
        {
            _buffer[_position++] = (byte)(value | 0x80);
            value >>= 7;
        }
        _buffer[_position++] = (byte)value;
    }

    /// <summary>The tag and length of a length-delimited field whose body the caller writes next.</summary>
    public void BeginBytes(int field, int length)
    {
        Tag(field, WireFormat.WireType.LengthDelimited);
        Varint((uint)length);
    }

    public void Bytes(int field, ReadOnlySpan<byte> value)
    {
        BeginBytes(field, value.Length);
        value.CopyTo(_buffer[_position..]);
        _position += value.Length;
    }

    public void String(int field, string value)
    {
        BeginBytes(field, Encoding.UTF8.GetByteCount(value));
        _position += Encoding.UTF8.GetBytes(value, _buffer[_position..]);
    }
}
