using System.Runtime.InteropServices;

namespace Scaffolder.Cli;

/// <summary>
/// SIGINT and SIGTERM: outside an apply the process exits at once (130, 143: nothing was written); during one, the
/// apply is cancelled, rolls back what it placed, and the command exits with the same codes.
/// </summary>
public sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource cancellation = new();
    private readonly List<PosixSignalRegistration> registrations = [];
    private readonly Lock gate = new();
    private int applying;
    private int exitCode;

    /// <summary>An interruption that never fires (in-process runs, tests).</summary>
    public static Interruption None { get; } = new();

    /// <summary>Cancelled when a signal arrives during an apply.</summary>
    public CancellationToken Token => cancellation.Token;

    /// <summary>The exit code of the signal received (130 or 143), or 0.</summary>
    public int ExitCode => Volatile.Read(ref exitCode);

    /// <summary>Handles SIGINT and SIGTERM for this process.</summary>
    public static Interruption ForProcess()
    {
        var interruption = new Interruption();
        interruption.registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, c => interruption.OnSignal(c, 130)));
        interruption.registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => interruption.OnSignal(c, 143)));
        return interruption;
    }

    /// <summary>Marks an apply (or a recovery): a signal meanwhile cancels <see cref="Token"/> instead of ending the process.</summary>
    public IDisposable Applying()
    {
        lock (gate)
        {
            applying++;
        }

        return new Scope(this);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var registration in registrations)
        {
            registration.Dispose();
        }

        cancellation.Dispose();
    }

    private void OnSignal(PosixSignalContext context, int code)
    {
        context.Cancel = true;
        Interlocked.CompareExchange(ref exitCode, code, 0);
        lock (gate)
        {
            if (applying > 0)
            {
                cancellation.Cancel();
                return;
            }
        }

        Environment.Exit(code);
    }

    private void Leave()
    {
        lock (gate)
        {
            applying--;
            if (applying == 0 && ExitCode != 0)
            {
                // A signal came during the apply, which then completed or rolled back: exit now.
                Environment.Exit(ExitCode);
            }
        }
    }

    private sealed class Scope(Interruption owner) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                owner.Leave();
            }
        }
    }
}
