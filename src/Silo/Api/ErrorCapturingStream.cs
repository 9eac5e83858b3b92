namespace Triage.Silo.Api;

/// <summary>
/// A response body that decides at its first write or flush, by the status code then set, where
/// the bytes go: an answer below 400 goes straight to the caller (a streamed answer stays streamed,
/// and a successful body is never copied), an error is held back for <see cref="JsonProblemMiddleware"/>
/// to rewrite as a problem.
/// </summary>
internal sealed class ErrorCapturingStream(HttpResponse response, Stream original) : Stream
{
    private MemoryStream? _held;
    private bool? _passesThrough;

    /// <summary>True unless the body already went to the caller: an error can still be rewritten.</summary>
    public bool Rewritable => _passesThrough != true;

    /// <summary>The bytes held back, if any.</summary>
    public byte[] Held => _held?.ToArray() ?? [];

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    private Stream Target => (_passesThrough ??= response.StatusCode < 400) ? original : (_held ??= new MemoryStream());

    public override void Write(byte[] buffer, int offset, int count) => Target.Write(buffer, offset, count);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Target.WriteAsync(buffer, offset, count, cancellationToken);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        Target.WriteAsync(buffer, cancellationToken);

    public override void Flush() => Target.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => Target.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        // The caller's stream belongs to the server; only what was held back is ours.
        if (disposing)
        {
            _held?.Dispose();
        }

        base.Dispose(disposing);
    }
}
