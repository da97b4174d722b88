using PosSlot.Firmware.Health;

namespace PosSlot.Firmware.Tests.Health
{
    /// <summary>Advice matches the fault and its level: check at Watch, plan at Degraded, external reader at Failed.</summary>
    [TestClass]
    public class AdviceTests
    {
        [TestMethod]
        public void EveryFaultAndLevelHasAdviceInBothLanguages()
        {
            Assert.AreEqual(FaultClass.Count, AdviceEn.Diagnosis.Length);
            Assert.AreEqual(FaultClass.Count, AdviceEn.Check.Length);
            Assert.AreEqual(FaultClass.Count, AdviceZh.Diagnosis.Length);
            Assert.AreEqual(FaultClass.Count, AdviceZh.Check.Length);
            for (int f = 0; f < FaultClass.Count; f++)
            {
                for (int level = HealthState.Watch; level <= HealthState.Failed; level++)
                {
                    string en = Advice.For(f, level, Advice.English);
                    Assert.IsTrue(en.Length > 40, FaultClass.Name(f) + " English advice");
                    Assert.IsTrue(HasChinese(Advice.For(f, level, Advice.Chinese)), FaultClass.Name(f) + " advice is in Chinese");
                    for (int g = 0; g < f; g++)
                    {
                        Assert.IsFalse(en == Advice.For(g, level, Advice.English), "same advice for two faults");
                    }
                }
                Assert.AreEqual("", Advice.For(f, HealthState.Healthy, Advice.English), "no advice for a healthy slot");
            }
        }

        [TestMethod]
        public void OnlyFailedSaysUseTheExternalReaderNow()
        {
            for (int f = 0; f < FaultClass.Count; f++)
            {
                Assert.IsTrue(Advice.For(f, HealthState.Failed, Advice.English).IndexOf("external reader now") >= 0, FaultClass.Name(f));
                Assert.IsTrue(Advice.For(f, HealthState.Failed, Advice.Chinese).IndexOf("外接读卡器") >= 0, FaultClass.Name(f));
                Assert.IsTrue(Advice.For(f, HealthState.Watch, Advice.English).IndexOf("external reader") < 0, FaultClass.Name(f) + " at Watch");
                Assert.IsTrue(Advice.For(f, HealthState.Degraded, Advice.English).IndexOf("external reader") < 0, FaultClass.Name(f) + " at Degraded");
            }
        }

        [TestMethod]
        public void WatchSaysWhatToCheckAndDegradedSaysPlanTheReplacement()
        {
            for (int f = 0; f < FaultClass.Count; f++)
            {
                Assert.IsTrue(Advice.For(f, HealthState.Watch, Advice.English).IndexOf("next visit") >= 0, FaultClass.Name(f));
                Assert.IsTrue(Advice.For(f, HealthState.Degraded, Advice.English).IndexOf("replacement") >= 0, FaultClass.Name(f));
            }
            Assert.IsTrue(Advice.For(FaultClass.LooseSpring, HealthState.Watch, Advice.English).IndexOf("spring") >= 0);
            Assert.IsTrue(Advice.For(FaultClass.IntermittentContact, HealthState.Watch, Advice.English).IndexOf("humidity") >= 0);
            Assert.IsTrue(Advice.For(FaultClass.IntermittentContact, HealthState.Degraded, Advice.English).IndexOf("Clean the slot now") >= 0, "dirt is cleaned before a slot is replaced");
            Assert.IsTrue(Advice.For(FaultClass.DetectSwitch, HealthState.Degraded, Advice.English).IndexOf("Clean") < 0, "cleaning does not mend a bent switch");
        }

        static bool HasChinese(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] >= '\u4e00' && text[i] <= '\u9fff')
                {
                    return true;
                }
            }
            return false;
        }
    }
}
