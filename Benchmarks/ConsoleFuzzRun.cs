extern alias firmwaretests;
using System;
using System.Diagnostics;
using firmwaretests::PosSlot.Firmware.Tests.Support;

namespace PosSlot.Benchmarks;

/// <summary>`--console-fuzz N`: the console fuzz at size (the suite runs 3 x 3,000 lines); prints what it threw and what ran (docs/performance.md).</summary>
public static class ConsoleFuzzRun
{
    public static int Print(long lines)
    {
        var clock = Stopwatch.StartNew();
        var fuzz = new ConsoleFuzzer(1);
        long step = Math.Max(1, lines / 10);
        for (long done = 0; done < lines && fuzz.Broken == null; done += step)
        {
            fuzz.Run(Math.Min(step, lines - done));
            Console.Error.WriteLine($"  {fuzz.Lines:N0} lines, {clock.Elapsed.TotalSeconds:F0} s");
        }
        var c = fuzz.Rig.Console;
        Console.WriteLine($"console fuzz: {fuzz.Lines:N0} lines in {clock.Elapsed.TotalSeconds:F1} s, seed 1");
        Console.WriteLine($"  damaged requests {fuzz.Damaged:N0}; CRC errors {c.CrcErrors:N0}; bad frames {c.BadFrames:N0}; lines too long {c.LinesTooLong:N0}; timed out {c.LinesTimedOut:N0}; bytes ignored {c.IgnoredBytes:N0}");
        Console.WriteLine($"  logins {fuzz.Logins:N0}; destructive commands run {fuzz.DestructiveIntactAuthed:N0} (each from a frame exactly as sent, tagged with the open session's key; {fuzz.NoiseAroundRun:N0} with noise around the request that the line discipline removed); refused: without a session {fuzz.DestructiveRefused:N0}, in a session without the session's tag {fuzz.TagRefused:N0}, typed {fuzz.TypedRefused:N0}");
        Console.WriteLine($"  replies replayed from the cache {c.RepliesReplayed:N0}; rule broken: {(fuzz.Broken ?? "never")}");
        Console.WriteLine($"  managed heap after a full GC: {GC.GetTotalMemory(true) / 1024:N0} KB; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024):N0} MB");
        return fuzz.Broken == null ? 0 : 1;
    }
}
