namespace Mesh.Xds.EnvoyApi;

// Field numbers of the google.protobuf well-known types and of map entries, as the encoders write them.

/// <summary><c>google.protobuf.Any</c>.</summary>
internal static class AnyFields
{
    public const int TypeUrl = 1;
    public const int Value = 2;
}

/// <summary><c>google.protobuf.Duration</c>.</summary>
internal static class DurationFields
{
    public const int Seconds = 1;
    public const int Nanos = 2;
}

/// <summary>The wrapper types (<c>google.protobuf.UInt32Value</c>, <c>BoolValue</c>, ...): one field, <c>value</c>.</summary>
internal static class WrapperFields
{
    public const int Value = 1;
}

/// <summary>The entry message of a protobuf <c>map&lt;K, V&gt;</c> field.</summary>
internal static class MapEntryFields
{
    public const int Key = 1;
    public const int Value = 2;
}
