using System;
using PosSlot.Firmware.Lines;
using PosSlot.Firmware.Tests.Support;

namespace PosSlot.Firmware.Tests.Lines
{
    [TestClass]
    public class SampleEdgeExtractorTests
    {
        [TestMethod]
        public void ChangesBetweenSamplesAreEdgesAtTheSampleTime()
        {
            SampleEdgeExtractor x = new SampleEdgeExtractor(10000);
            int[] samples = new int[] { 0, 0, 1, 1, 0 };
            string edges = "";
            for (int n = 0; n < samples.Length; n++)
            {
                if (x.Sample(n, samples[n]))
                {
                    edges += SampleEdgeExtractor.SampleTimeUs(n, x.RateHz).ToString() + ":" + samples[n].ToString() + " ";
                }
            }
            Assert.AreEqual("200:1 400:0 ", edges);
        }

        [TestMethod]
        public void FirstSampleIsAnEdgeOnlyWhenAsserted()
        {
            Assert.IsTrue(new SampleEdgeExtractor(1000).Sample(0, 1));
            Assert.IsFalse(new SampleEdgeExtractor(1000).Sample(0, 0));
        }

        [TestMethod]
        public void SampleTimesDoNotDriftAtOddRates()
        {
            // 3 kHz: 333.33 us per sample; sample 3000 must land exactly on one second.
            Assert.AreEqual(1000000L, SampleEdgeExtractor.SampleTimeUs(3000, 3000));
            Assert.AreEqual(333L, SampleEdgeExtractor.SampleTimeUs(1, 3000));
        }

        [TestMethod]
        public void RateOutsideOneHertzToOneMegahertzIsRejected()
        {
            Expect.Throws(typeof(ArgumentException), delegate { new SampleEdgeExtractor(0); });
            Expect.Throws(typeof(ArgumentException), delegate { new SampleEdgeExtractor(2000000); });
        }
    }
}
