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

        /// <summary>Feeds raw bytes 1 ms apart; returns the lines joined by '|' and (out) the echo.</summary>
        static string RunBytes(LineReader r, byte[] bytes, out string echoed)
        {
            StringBuilder seen = new StringBuilder();
            StringBuilder echo = new StringBuilder();
            long t = 0;
            for (int i = 0; i < bytes.Length; i++)
            {
                t += 1000;
                string e;
                if (r.Feed(bytes[i], t, out e) == LineReader.LineReady)
                {
                    seen.Append(r.TakeLine()).Append('|');
                }
                if (e != null)
                {
                    echo.Append(e);
                }
            }
            echoed = echo.ToString();
            return seen.ToString();
        }

        static byte[] Bytes(params int[] b)
        {
            byte[] o = new byte[b.Length];
            for (int i = 0; i < b.Length; i++)
            {
                o[i] = (byte)b[i];
            }
            return o;
        }

        static byte[] Join(string a, byte[] mid, string b)
        {
            byte[] x = Encoding.UTF8.GetBytes(a);
            byte[] y = Encoding.UTF8.GetBytes(b);
            byte[] o = new byte[x.Length + mid.Length + y.Length];
            System.Array.Copy(x, 0, o, 0, x.Length);
            System.Array.Copy(mid, 0, o, x.Length, mid.Length);
            System.Array.Copy(y, 0, o, x.Length + mid.Length, y.Length);
            return o;
        }

        [TestMethod]
        public void ArrowKeysAndOtherEscapeSequencesAreConsumedWhole()
        {
            string echo;
            // Left, Left (CSI), Up (SS3, as in application cursor mode), Ctrl+Right with parameters, Home.
            byte[] keys = Join("stat", Encoding.UTF8.GetBytes("\u001b[D\u001b[D\u001bOA\u001b[1;5C\u001b[H"), "us\r");
            Assert.AreEqual("status|", RunBytes(new LineReader(), keys, out echo));
            Assert.AreEqual("status", echo, "nothing of the sequences is echoed");
            Assert.AreEqual("|", RunBytes(new LineReader(), Encoding.UTF8.GetBytes("\u001b[A\r"), out echo), "Up alone: an empty line");
        }

        [TestMethod]
        public void ALoneEscapeKeyDoesNotEatTheNextKeyTypedLater()
        {
            LineReader r = new LineReader();
            string echo;
            r.Feed(27, 1000, out echo);
            r.Feed((byte)'o', 1000 + 500000, out echo);
            Assert.AreEqual("o", echo);
            r.Feed((byte)'k', 1000 + 500001, out echo);
            r.Feed(13, 1000 + 500002, out echo);
            Assert.AreEqual("ok", r.TakeLine());
        }

        [TestMethod]
        public void InvalidUtf8IsDroppedFromTheLineAndTheEchoAlike()
        {
            string echo;
            Assert.AreEqual("status|", RunBytes(new LineReader(), Join("sta", Bytes(0xFF, 0xFE), "tus\r"), out echo));
            Assert.AreEqual("status", echo);
            // An overlong '/', a lone continuation byte, a lead cut short by ASCII, a surrogate.
            Assert.AreEqual("ab|", RunBytes(new LineReader(), Join("a", Bytes(0xC0, 0xAF, 0x80, 0xE4, 0xB8, 0xED, 0xA0, 0x80), "b\r"), out echo));
            Assert.AreEqual("ab", echo);
        }

        [TestMethod]
        public void ValidUtf8IsEchoedAsTyped()
        {
            string echo;
            Assert.AreEqual("advice \u4e2d|", RunBytes(new LineReader(), Encoding.UTF8.GetBytes("advice \u4e2d\r"), out echo));
            Assert.AreEqual("advice \u4e2d", echo);
        }

        [TestMethod]
        public void AByteOrderMarkIsIgnored()
        {
            string echo;
            Assert.AreEqual("hello|", RunBytes(new LineReader(), Join("", Bytes(0xEF, 0xBB, 0xBF), "hello\r"), out echo));
            Assert.AreEqual("hello", echo);
        }
    }
}
