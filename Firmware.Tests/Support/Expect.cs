using System;

namespace PosSlot.Firmware.Tests.Support
{
    /// <summary>Expected-exception helper that both MSTest and nanoFramework.TestFramework can run.</summary>
    public static class Expect
    {
        public static void Throws(Type exceptionType, Action action)
        {
            Exception thrown = null;
            try
            {
                action();
            }
            catch (Exception e)
            {
                thrown = e;
            }
            Assert.IsNotNull(thrown, "expected " + exceptionType.FullName + ", nothing was thrown");
            // Object.GetType: .NET's Exception hides it with its own GetType, which nanoFramework lacks.
            Assert.IsTrue(exceptionType.IsInstanceOfType(thrown), "threw " + ((object)thrown).GetType().FullName + ", expected " + exceptionType.FullName);
        }
    
        /// <summary>Equal byte sequences, naming the first difference (AreEqual(byte, byte, string) exists in both frameworks; Assert.Fail does not).</summary>
        public static void SameBytes(byte[] expected, byte[] actual, string what)
        {
            Assert.AreEqual(expected.Length, actual.Length, what + ": length");
            for (int i = 0; i < expected.Length; i++)
            {
                if (expected[i] != actual[i])
                {
                    Assert.AreEqual(expected[i], actual[i], what + ": first difference at byte " + i);
                }
            }
        }
    }
}
