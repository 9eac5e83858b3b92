namespace Triage.Cli;

/// <summary>A one-line progress counter on standard error, so standard output stays machine-readable.</summary>
internal sealed class ProgressBar(TextWriter writer, int total)
{
    private int _done;
    private long _lastTick;

    public void Advance()
    {
        _done++;
        var now = Environment.TickCount64;
        if (now - _lastTick >= 200 || _done == total)
        {
            _lastTick = now;
            writer.Write(total > 0 ? $"\r{_done}/{total} ({100 * _done / total}%)" : $"\r{_done}");
        }
    }

    public void Done() => writer.WriteLine();
}
