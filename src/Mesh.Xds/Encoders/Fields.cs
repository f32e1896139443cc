using Mesh.Xds.EnvoyApi;
using Mesh.Xds.Wire;

namespace Mesh.Xds.Encoders;

/// <summary>Encoders of the small well-known messages used everywhere (Duration, wrappers, ConfigSource, percent).</summary>
internal static class Fields
{
    /// <summary><c>google.protobuf.Duration</c>; negative values are written as zero.</summary>
    public static void Duration<TSink>(ref TSink s, int field, TimeSpan value) where TSink : IProtoSink, allows ref struct
    {
        var ticks = Math.Max(0, value.Ticks);
        var seconds = (ulong)(ticks / TimeSpan.TicksPerSecond);
        var nanos = (ulong)(ticks % TimeSpan.TicksPerSecond * 100);
        s.Known(field, VarintField(seconds) + VarintField(nanos));
        s.Varint(DurationFields.Seconds, seconds);
        s.Varint(DurationFields.Nanos, nanos);
    }

    /// <summary><c>google.protobuf.Duration</c> when a value is present.</summary>
    public static void Duration<TSink>(ref TSink s, int field, TimeSpan? value) where TSink : IProtoSink, allows ref struct
    {
        if (value is { } v) Duration(ref s, field, v);
    }

    /// <summary><c>google.protobuf.UInt32Value</c>; negative values are written as zero.</summary>
    public static void UInt32Value<TSink>(ref TSink s, int field, int value) where TSink : IProtoSink, allows ref struct
    {
        var v = (ulong)Math.Max(0, value);
        s.Known(field, VarintField(v));
        s.Varint(WrapperFields.Value, v);
    }

    /// <summary>The size of a varint field with a one-byte tag (fields 1–15), zero when the value is the default.</summary>
    public static int VarintField(ulong value) => value == 0 ? 0 : 1 + Google.Protobuf.CodedOutputStream.ComputeUInt64Size(value);

    /// <summary>The size of a length-delimited field with a one-byte tag (fields 1–15) and content of <paramref name="length"/> bytes.</summary>
    public static int LengthField(int length) => 1 + Google.Protobuf.CodedOutputStream.ComputeLengthSize(length) + length;

    /// <summary><c>google.protobuf.UInt32Value</c> when a value is present.</summary>
    public static void UInt32Value<TSink>(ref TSink s, int field, int? value) where TSink : IProtoSink, allows ref struct
    {
        if (value is { } v) UInt32Value(ref s, field, v);
    }

    /// <summary><c>core.v3.ConfigSource</c> pointing at ADS with the v3 resource API.</summary>
    public static void AdsConfigSource<TSink>(ref TSink s, int field) where TSink : IProtoSink, allows ref struct
    {
        s.Begin(field);
        s.Begin(ConfigSourceFields.Ads);
        s.End();
        s.Varint(ConfigSourceFields.ResourceApiVersion, (ulong)ApiVersion.V3);
        s.End();
    }

    /// <summary><c>type.v3.FractionalPercent</c> for a percentage 0–100 (per hundred, or per million when fractional).</summary>
    public static void Percent<TSink>(ref TSink s, int field, decimal percentage) where TSink : IProtoSink, allows ref struct
    {
        var clamped = Math.Clamp(percentage, 0m, 100m);
        s.Begin(field);
        if (decimal.Truncate(clamped) == clamped)
        {
            s.Varint(FractionalPercentFields.Numerator, (ulong)clamped);
        }
        else
        {
            s.Varint(FractionalPercentFields.Numerator, (ulong)decimal.Round(clamped * 10_000m));
            s.Varint(FractionalPercentFields.Denominator, (ulong)DenominatorType.Million);
        }
        s.End();
    }

    /// <summary>A <c>google.protobuf.Any</c> header: opens the Any and its value; close both with two <c>End</c> calls.</summary>
    public static void BeginAny<TSink>(ref TSink s, int field, ReadOnlySpan<byte> typeUrl) where TSink : IProtoSink, allows ref struct
    {
        s.Begin(field);
        s.Utf8(AnyFields.TypeUrl, typeUrl);
        s.Begin(AnyFields.Value);
    }

    /// <summary>A <c>google.protobuf.Any</c> holding a message with no fields (its empty value is omitted, as protobuf does).</summary>
    public static void EmptyAny<TSink>(ref TSink s, int field, ReadOnlySpan<byte> typeUrl) where TSink : IProtoSink, allows ref struct
    {
        s.Begin(field);
        s.Utf8(AnyFields.TypeUrl, typeUrl);
        s.End();
    }

    /// <summary>A listener filter (<c>listener_filters</c> entry) whose config has no fields: its name and empty typed config.</summary>
    public static void ListenerFilter<TSink>(ref TSink s, ReadOnlySpan<byte> name, ReadOnlySpan<byte> typeUrl) where TSink : IProtoSink, allows ref struct
    {
        s.Begin(ListenerFields.ListenerFilters);
        s.Utf8(ListenerFilterFields.Name, name);
        EmptyAny(ref s, ListenerFilterFields.TypedConfig, typeUrl);
        s.End();
    }

    /// <summary>Closes what <see cref="BeginAny"/> opened.</summary>
    public static void EndAny<TSink>(ref TSink s) where TSink : IProtoSink, allows ref struct
    {
        s.End();
        s.End();
    }
}
