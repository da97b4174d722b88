using PosSlot.Firmware.Health;

namespace PosSlot.Firmware.Tests.Health
{
    [TestClass]
    public class AdviceTests
    {
        [TestMethod]
        public void EveryFaultHasDistinctAdviceInBothLanguages()
        {
            Assert.AreEqual(FaultClass.Count, AdviceEn.Table.Length);
            Assert.AreEqual(FaultClass.Count, AdviceZh.Table.Length);
            for (int f = 0; f < FaultClass.Count; f++)
            {
                string en = Advice.For(f, Advice.English);
                string zh = Advice.For(f, Advice.Chinese);
                Assert.IsTrue(en.Length > 40, FaultClass.Name(f) + " English advice");
                Assert.IsTrue(HasChinese(zh), FaultClass.Name(f) + " advice is in Chinese");
                for (int g = 0; g < f; g++)
                {
                    Assert.IsFalse(en == Advice.For(g, Advice.English), "same advice for two faults");
                }
            }
        }

        [TestMethod]
        public void AdviceFollowsTheRemediesForEachFault()
        {
            Assert.IsTrue(Advice.For(FaultClass.LooseSpring, Advice.English).IndexOf("spring") >= 0);
            Assert.IsTrue(Advice.For(FaultClass.DetectSwitch, Advice.English).IndexOf("external reader") >= 0);
            Assert.IsTrue(Advice.For(FaultClass.IntermittentContact, Advice.English).IndexOf("humidity") >= 0);
            Assert.IsTrue(Advice.For(FaultClass.IntermittentContact, Advice.Chinese).IndexOf("清洁") >= 0);
            Assert.IsTrue(Advice.For(FaultClass.RatedLife, Advice.English).IndexOf("excessive insertions") >= 0);
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
