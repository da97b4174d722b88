using System;
using System.Diagnostics;
using PosSlot.Host.Tests.Support;

namespace PosSlot.Host.Tests.Diag;

/// <summary>`posslot diag watch` against the emulator's console on a real pty, while the board goes away, hangs, or shares its line.</summary>
[TestClass]
public class DiagWatchTests
{
    static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    static EmulatorProcess Board() => new("--speed", "300", "--insertions", "1000000");

    static CliInBackground Watch(EmulatorProcess board, params string[] more)
    {
        var watch = new CliInBackground(["diag", "--port", board.PtyPath, "watch", .. more]);
        Assert.IsTrue(watch.WaitForOutput(o => o.Contains("status: "), Bound), "watch never showed the status: " + watch.Error);
        return watch;
    }

    static void Signal(string signal, int pid)
    {
        using var kill = Process.Start("kill", [signal, pid.ToString()])!;
        Assert.IsTrue(kill.WaitForExit(5000));
    }

    [TestMethod]
    public void WatchSaysItLostTheBoardWhenThePortCloses()
    {
        CliInBackground watch;
        using (var board = Board())
        {
            watch = Watch(board, "--timeout", "0.5");
        } // the emulator stops: its pty closes under watch
        var code = watch.ExitCode(Bound);
        Assert.IsNotNull(code, "watch still running long after the board went away");
        Assert.AreEqual(ExitCodes.IoFailure, code, watch.Error);
        StringAssert.Contains(watch.Error, "lost the board");
        StringAssert.Contains(watch.Error, "the port closed");
    }

    [TestMethod]
    public void WatchSaysItLostTheBoardWhenTheBoardFreezes()
    {
        using var board = Board();
        var watch = Watch(board, "--timeout", "0.3");
        Signal("-STOP", board.ProcessId);
        try
        {
            var code = watch.ExitCode(Bound);
            Assert.IsNotNull(code, "watch still running long after the board went silent");
            Assert.AreEqual(ExitCodes.IoFailure, code, watch.Error);
            StringAssert.Contains(watch.Error, "lost the board: nothing arrived");
        }
        finally
        {
            Signal("-CONT", board.ProcessId);
        }
    }

    [TestMethod]
    public void WatchKeepsGoingWhileAnotherClientTypesOnTheLine()
    {
        using var board = Board();
        var watch = Watch(board, "--seconds", "5");
        // A person on a second terminal types `status` slowly, again and again, on the same port.
        using var typist = Process.Start("bash", ["-c", $"for i in $(seq 18); do printf s > {board.PtyPath}; sleep 0.1; printf 'tatus\\r' > {board.PtyPath}; sleep 0.1; done"])!;
        Assert.IsTrue(typist.WaitForExit(20_000));
        var code = watch.ExitCode(Bound);
        Assert.IsNotNull(code, "watch did not stop after --seconds 5");
        Assert.AreEqual(ExitCodes.Ok, code, watch.Error);
    }
}
