using System.Collections.Generic;
using PosSlot.Emulator.Physics;
using PosSlot.Emulator.Running;

namespace PosSlot.Host.Tests.Emulator;

/// <summary>The pins see the physical level XOR any glitch, so overlaps come out as physics would have them.</summary>
[TestClass]
public class LineMixerTests
{
    sealed class Edges : IStimulusTarget
    {
        public List<string> Seen { get; } = new();

        public void Edge(int line, int level, long timeUs) => Seen.Add($"{timeUs}:{line}={level}");

        public void ReadResult(bool ok, long timeUs) => Seen.Add($"{timeUs}:read={(ok ? "ok" : "fail")}");
    }

    [TestMethod]
    public void GlitchOverlappingARealEdgeShiftsNothingButWhatThePinSees()
    {
        var buffer = new StimulusBuffer();
        buffer.Add(100, StimulusKind.GlitchStart, 0, 0);   // pin flips to 1 at 100
        buffer.Add(120, StimulusKind.Physical, 0, 1);      // the real edge under the glitch: pin back to 0
        buffer.Add(130, StimulusKind.GlitchEnd, 0, 0);     // glitch ends: pin follows the physical 1
        buffer.Add(500, StimulusKind.ReadResult, 0, 1);
        buffer.Sort();
        var target = new Edges();
        new LineMixer(target).Feed(buffer);
        CollectionAssert.AreEqual(new[] { "100:0=1", "120:0=0", "130:0=1", "500:read=ok" }, target.Seen);
    }

    [TestMethod]
    public void SimultaneousStimuliKeepTheOrderTheyWereLaidDown()
    {
        var buffer = new StimulusBuffer();
        buffer.Add(200, StimulusKind.Physical, 1, 1);
        buffer.Add(100, StimulusKind.Physical, 0, 1);
        buffer.Add(200, StimulusKind.Physical, 1, 0);
        buffer.Sort();
        var target = new Edges();
        new LineMixer(target).Feed(buffer);
        CollectionAssert.AreEqual(new[] { "100:0=1", "200:1=1", "200:1=0" }, target.Seen);
    }
}
