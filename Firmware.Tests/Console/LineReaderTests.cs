using System.Text;
using PosSlot.Firmware.Console;

namespace PosSlot.Firmware.Tests.Console
{
    /// <summary>The line discipline, byte by byte: what ends, edits, drops and ignores a line.</summary>
    [TestClass]
    public class LineReaderTests
    {
        /// <summary>Feeds text at 1 ms a byte; returns the finished lines joined by '|', drops as '!L' (too long) or '!T' (timed out).</summary>
        static string Run(LineReader r, string text, long gapUs)
        {
            return Run(r, Encoding.UTF8.GetBytes(text), gapUs);
        }

        /// <summary>For input a string cannot carry on nanoFramework (a U+0000 ends the string there).</summary>
        static string Run(LineReader r, byte[] bytes, long gapUs)
        {
            StringBuilder seen = new StringBuilder();
            long t = 0;
            for (int i = 0; i < bytes.Length; i++)
            {
                t += gapUs;
                string echo;
                int result = r.Feed(bytes[i], t, out echo);
                if (result == LineReader.LineReady)
                {
                    seen.Append(r.TakeLine()).Append('|');
                }
                else if (result == LineReader.TooLong)
                {
                    seen.Append("!L|");
                }
                else if (result == LineReader.TimedOut)
                {
                    seen.Append("!T|");
                }
            }
            return seen.ToString();
        }

        [TestMethod]
        public void CrLfAndCrlfEachEndOneLine()
        {
            Assert.AreEqual("a|b|c||", Run(new LineReader(), "a\rb\nc\r\n\n", 1000));
        }

        [TestMethod]
        public void BackspaceAndDeleteEditTheLine()
        {
            Assert.AreEqual("stats|", Run(new LineReader(), "statux\b\u007fs\r", 1000));
            Assert.AreEqual("|", Run(new LineReader(), "\b\b\r", 1000));
        }

        [TestMethod]
        public void BackspaceRemovesAWholeUtf8Character()
        {
            Assert.AreEqual("ab|", Run(new LineReader(), "ab\u4e2d\b\r", 1000));
        }

        [TestMethod]
        public void ControlBytesAreIgnoredAndTabsBecomeSpaces()
        {
            LineReader r = new LineReader();
            byte[] input = { (byte)'s', (byte)'t', 0x01, 0x1b, (byte)'\t', (byte)'a', (byte)'t', (byte)'u', (byte)'s', 0x00, (byte)'\r' };
            Assert.AreEqual("st atus|", Run(r, input, 1000));
            Assert.AreEqual(3L, r.Ignored);
        }

        [TestMethod]
        public void AnOverlongLineIsDroppedUpToTheNextLineEnd()
        {
            string longLine = new string('x', LineReader.MaxLine + 10);
            Assert.AreEqual("!L|ok|", Run(new LineReader(), longLine + "\rok\r", 10));
            // Exactly MaxLine bytes still fit.
            Assert.AreEqual(new string('y', LineReader.MaxLine) + "|", Run(new LineReader(), new string('y', LineReader.MaxLine) + "\r", 10));
        }

        [TestMethod]
        public void ALineLeftTwoSecondsIsDroppedWithWhatFollowsUntilItsEnd()
        {
            LineReader r = new LineReader();
            string echo;
            r.Feed((byte)'$', 0, out echo);
            r.Feed((byte)'t', 1999999, out echo);
            Assert.AreEqual(LineReader.TimedOut, r.Feed((byte)'a', 1999999 + LineReader.TimeoutUs, out echo));
            long t = 1999999 + LineReader.TimeoutUs;
            Assert.AreEqual(LineReader.Nothing, r.Feed((byte)'\r', t + 1, out echo), "the rest of the dropped line ends it");
            r.Feed((byte)'o', t + 2, out echo);
            r.Feed((byte)'k', t + 3, out echo);
            Assert.AreEqual(LineReader.LineReady, r.Feed((byte)'\r', t + 4, out echo));
            Assert.AreEqual("ok", r.TakeLine());
        }

        [TestMethod]
        public void APersonMayPauseMidLine()
        {
            // Only machine frames ($...) time out: `hel`, a 3 s pause, `lo` is still `hello`.
            LineReader r = new LineReader();
            string echo;
            r.Feed((byte)'h', 0, out echo);
            r.Feed((byte)'e', 1, out echo);
            r.Feed((byte)'l', 2, out echo);
            Assert.IsFalse(r.Expire(2 + 3 * LineReader.TimeoutUs));
            long t = 3 + 3 * LineReader.TimeoutUs;
            Assert.AreEqual(LineReader.Nothing, r.Feed((byte)'l', t, out echo));
            r.Feed((byte)'o', t + 1, out echo);
            Assert.AreEqual(LineReader.LineReady, r.Feed((byte)'\r', t + 2, out echo));
            Assert.AreEqual("hello", r.TakeLine());
        }

        [TestMethod]
        public void APollDropsAnUnfinishedLineOnTime()
        {
            LineReader r = new LineReader();
            string echo;
            r.Feed((byte)'$', 100, out echo);
            Assert.IsFalse(r.Expire(100 + LineReader.TimeoutUs - 1));
            Assert.IsTrue(r.Expire(100 + LineReader.TimeoutUs));
            Assert.IsTrue(r.Discarding);
        }

        [TestMethod]
        public void EchoShowsPrintableBytesAndErasesOnBackspace()
        {
            LineReader r = new LineReader();
            string echo;
            r.Feed((byte)'h', 1, out echo);
            Assert.AreEqual("h", echo);
            r.Feed(8, 2, out echo);
            Assert.AreEqual("\b \b", echo);
            r.Feed(8, 3, out echo);
            Assert.IsNull(echo, "nothing to erase");
        }
    }
}
