using PosSlot.Firmware.Health;
using PosSlot.Firmware.Tests.Support;

namespace PosSlot.Firmware.Tests.Health
{
    /// <summary>The failure line's windows: exact counts over the last N insertions, and when they trip.</summary>
    [TestClass]
    public class FailureWindowsTests
    {
        [TestMethod]
        public void CountsMatchARecountOfTheLastNInsertions()
        {
            int[] windows = new int[] { 7, 40, 100 };
            FailureWindows w = new FailureWindows(windows, new double[] { 1, 1, 1 });
            SeededRandom rnd = new SeededRandom(11);
            bool[] history = new bool[1000];
            for (int n = 0; n < history.Length; n++)
            {
                history[n] = rnd.NextDouble() < 0.3;
                w.Add(history[n]);
                for (int i = 0; i < windows.Length; i++)
                {
                    int expected = 0;
                    for (int k = n; k >= 0 && k > n - windows[i]; k--)
                    {
                        expected += history[k] ? 1 : 0;
                    }
                    Assert.AreEqual(expected, w.Failures(i), "window " + windows[i].ToString() + " after " + (n + 1).ToString());
                }
            }
        }

        [TestMethod]
        public void AWindowTripsWhenItsShareReachesItsLine()
        {
            FailureWindows w = new FailureWindows(new int[] { 10, 100 }, new double[] { 0.5, 0.2 });
            for (int n = 0; n < 100; n++)
            {
                w.Add(n % 10 == 0);
            }
            Assert.AreEqual(-1, w.Tripped(), "10 % failing trips nothing");
            for (int n = 0; n < 4; n++)
            {
                w.Add(true);
            }
            Assert.AreEqual(-1, w.Tripped(), "4 of the last 10 + the old ones: under both lines");
            w.Add(true);
            Assert.AreEqual(0, w.Tripped(), "5 of the last 10");
            w.Clear();
            Assert.AreEqual(-1, w.Tripped());
            Assert.AreEqual(0L, w.Seen);
        }

        [TestMethod]
        public void RiseComparesTheShortWindowWithTheOlderPartOfTheLongOne()
        {
            FailureWindows w = new FailureWindows(new int[] { 10, 40 }, new double[] { 1, 1 });
            for (int n = 0; n < 30; n++)
            {
                w.Add(false);
            }
            for (int n = 0; n < 10; n++)
            {
                w.Add(n < 4);
            }
            // nanoFramework.TestFramework has no tolerance overload: the bound is written out.
            double rise = w.RiseOver(0, 1);
            Assert.IsTrue(rise > 0.4 - 1e-9 && rise < 0.4 + 1e-9, "rise " + rise.ToString());
        }

        [TestMethod]
        public void WindowsNeedOneLineEachAndPositiveLengths()
        {
            Expect.Throws(typeof(System.ArgumentException), delegate { new FailureWindows(new int[] { 10 }, new double[] { 0.1, 0.2 }); });
            Expect.Throws(typeof(System.ArgumentException), delegate { new FailureWindows(new int[] { 0 }, new double[] { 0.1 }); });
        }
    }
}
