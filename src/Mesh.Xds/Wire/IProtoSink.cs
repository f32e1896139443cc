namespace Mesh.Xds.Wire;

/// <summary>
/// The target of one message encoding pass. Every resource encoder is written once, generic over its sink:
/// <see cref="ProtoSizer"/> measures (and records the length of every nested message), then
/// <see cref="ProtoWriter"/> writes the same sequence of calls into a span of exactly that size.
/// Scalar methods follow proto3 rules: a default value (0, false, empty) is not written.
/// </summary>
internal interface IProtoSink
{
    /// <summary>Writes a string field as UTF-8; skipped when null or empty.</summary>
    void String(int field, string? value);

    /// <summary>Writes a string field even when it is empty (for repeated strings and map keys).</summary>
    void StringAlways(int field, string value);

    /// <summary>Writes a string field already encoded as UTF-8, even when empty.</summary>
    void Utf8(int field, ReadOnlySpan<byte> value);

    /// <summary>Copies bytes that are already encoded fields of the current message.</summary>
    void Raw(ReadOnlySpan<byte> encoded);

    /// <summary>Writes a bytes field; skipped when empty.</summary>
    void Bytes(int field, ReadOnlySpan<byte> value);

    /// <summary>Writes a varint field (uint32, uint64, enum, int64 with non-negative values); skipped when zero.</summary>
    void Varint(int field, ulong value);

    /// <summary>Writes a bool field; skipped when false.</summary>
    void Bool(int field, bool value);

    /// <summary>Writes a double field; skipped when zero.</summary>
    void Double(int field, double value);

    /// <summary>Writes a packed repeated uint32 field; skipped when empty.</summary>
    void PackedUInt32(int field, ReadOnlySpan<int> values);

    /// <summary>Writes the lower-case hexadecimal form of a 64-bit value (16 characters) as a string field.</summary>
    void Hex(int field, ulong value);

    /// <summary>
    /// Starts a nested message whose length the caller computed (for small leaf messages); not balanced by
    /// <see cref="End"/>: the next calls must write exactly <paramref name="length"/> bytes of content.
    /// </summary>
    void Known(int field, int length);

    /// <summary>Starts a nested message; every call must be balanced by <see cref="End"/>.</summary>
    void Begin(int field);

    /// <summary>Ends the innermost nested message.</summary>
    void End();
}
