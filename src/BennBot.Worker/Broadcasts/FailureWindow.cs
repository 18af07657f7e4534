namespace BennBot.Worker.Broadcasts;

/// <summary>The last <see cref="Size"/> send results of a broadcast. When most of them failed (network, timeouts,
/// 5xx after retries), the broadcast pauses itself instead of burning through the list.</summary>
public sealed class FailureWindow
{
    public const int Size = 20;
    public const int Trip = 15;

    private readonly Lock _lock = new();
    private readonly Queue<bool> _results = new();
    private int _failures;

    /// <summary>Adds a result; true when the window is full and at least <see cref="Trip"/> of it failed.</summary>
    public bool Add(bool failed)
    {
        lock (_lock)
        {
            _results.Enqueue(failed);
            if (failed) _failures++;
            if (_results.Count > Size && _results.Dequeue()) _failures--;
            if (_results.Count < Size || _failures < Trip) return false;
            _results.Clear();
            _failures = 0;
            return true;
        }
    }
}
