namespace Mesh.Xds.Wire;

/// <summary>One message's encoding, written once and run twice: to measure, then to write.</summary>
internal interface IMessageEncoder
{
    /// <summary>Emits the message's fields into <paramref name="sink"/>.</summary>
    void Encode<TSink>(ref TSink sink) where TSink : IProtoSink, allows ref struct;
}
