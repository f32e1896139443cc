using System.Text;

namespace Mesh.Serialization;

/// <summary>
/// A <see cref="TextReader"/> that decodes strict UTF-8 from a stream in small chunks and stops, as if at the end,
/// once more than <c>maxBytes</c> bytes would have been read. The parser reads through it, so the input is never
/// buffered whole and never read past the limit (plus the one byte that proves it was exceeded).
/// </summary>
internal sealed class LimitedUtf8Reader(Stream stream, long maxBytes) : TextReader
{
    private const int ChunkSize = 16 * 1024;
    private readonly Decoder _decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
    private readonly byte[] _bytes = new byte[ChunkSize];
    private readonly char[] _chars = new char[ChunkSize + 1];
    private int _position;
    private int _length;
    private bool _finished;
    private bool _first = true;

    /// <summary>Bytes taken from the stream so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>Whether the stream had more than the allowed bytes (reading stopped there).</summary>
    public bool LimitExceeded { get; private set; }

    /// <summary>Whether the bytes were not valid UTF-8 (reading stopped there).</summary>
    public bool InvalidUtf8 { get; private set; }

    public override int Peek() => _position < _length || Fill() ? _chars[_position] : -1;

    public override int Read() => _position < _length || Fill() ? _chars[_position++] : -1;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (buffer.IsEmpty || (_position >= _length && !Fill())) return 0;
        var n = Math.Min(buffer.Length, _length - _position);
        _chars.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    private bool Fill()
    {
        while (!_finished)
        {
            var want = (int)Math.Min(ChunkSize, maxBytes + 1 - BytesRead);
            var read = want > 0 ? stream.Read(_bytes, 0, want) : 0;
            BytesRead += read;
            if (BytesRead > maxBytes)
            {
                LimitExceeded = true;
                _finished = true;
                return false;
            }
            try
            {
                _length = _decoder.GetChars(_bytes, 0, read, _chars, 0, flush: read == 0);
            }
            catch (DecoderFallbackException)
            {
                InvalidUtf8 = true;
                _finished = true;
                return false;
            }
            _position = 0;
            if (_first && _length > 0)
            {
                _first = false;
                if (_chars[0] == '\uFEFF') _position = 1;
            }
            if (read == 0) _finished = true;
            if (_position < _length) return true;
        }
        return false;
    }
}
