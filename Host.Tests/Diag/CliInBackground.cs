using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using PosSlot.Host.Cli;

namespace PosSlot.Host.Tests.Diag;

/// <summary>
/// posslot run in-process on its own thread, for commands that keep running (diag watch): the test
/// reads what it printed so far, acts on the board, then waits a bounded time for it to exit.
/// </summary>
public sealed class CliInBackground
{
    readonly StringWriter _output = new();
    readonly StringWriter _error = new();
    readonly TextWriter _out;
    readonly TextWriter _err;
    readonly Task<int> _run;

    public CliInBackground(params string[] args)
    {
        _out = TextWriter.Synchronized(_output);
        _err = TextWriter.Synchronized(_error);
        _run = Task.Factory.StartNew(() => PosSlotCli.Run(args, _out, _err), TaskCreationOptions.LongRunning);
    }

    public string Output
    {
        get
        {
            lock (_out)
            {
                return _output.ToString();
            }
        }
    }

    public string Error
    {
        get
        {
            lock (_err)
            {
                return _error.ToString();
            }
        }
    }

    /// <summary>Waits (at most `timeout`) until the output so far satisfies `seen`; false if it never did.</summary>
    public bool WaitForOutput(Func<string, bool> seen, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!seen(Output))
        {
            if (DateTime.UtcNow > deadline || _run.IsCompleted)
            {
                return seen(Output);
            }
            Thread.Sleep(50);
        }
        return true;
    }

    /// <summary>The exit code, or null if it is still running after `timeout` (the test then fails; the thread is left behind).</summary>
    public int? ExitCode(TimeSpan timeout) => _run.Wait(timeout) ? _run.Result : null;
}
