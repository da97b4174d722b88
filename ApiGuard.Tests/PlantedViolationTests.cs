using System;
using System.Linq;
using PosSlot.ApiGuard.StandIns;

namespace PosSlot.ApiGuard.Tests;

/// <summary>
/// The nanoFramework build guard can fail: each planted file breaks one rule, and the guard's own
/// verdict (the assertion NanoFrameworkBuildTests uses) must fail naming the planted file and line.
/// The planted files are compiled together with the real ones, once (compiles are slow on a shared machine).
/// </summary>
[TestClass]
public class PlantedViolationTests
{
    /// <summary>The line of the planted statement in every planted test file.</summary>
    const int PlantedLine = 8;
    const string DeviceFile = "Firmware/Device/Planted.cs";

    static string TestFile(string name) => $"Firmware.Tests/Planted/{name}.cs";

    static (string Path, string Text) PlantedTest(string name, string statement) => (TestFile(name), $$"""
        namespace PosSlot.Firmware.Tests.Planted
        {
            [TestClass]
            public class {{name}}
            {
                [TestMethod]
                public void Planted()
                { double x = 0.4; byte b = 1; {{statement}} }
            }
        }
        """);

    static readonly (string Path, string Text)[] Clean =
    [
        PlantedTest("KeepsTheRules", "Assert.AreEqual((byte)1, b); Assert.IsTrue(x > 0.3 && x < 0.5); Support.Expect.SameBytes(new byte[] { 1 }, new byte[] { b }, \"b\");"),
        // These compile on both frameworks: only NulInStringRule can see them.
        PlantedTest("NulInString", "string s = \"st\\u0000\\r\";"),
        PlantedTest("NulConcatenated", "string s = \"st\" + '\\0';"),
        PlantedTest("NulInterpolated", "string s = $\"{x}\\0\";"),
    ];

    static readonly (string Path, string Text)[] Violations =
    [
        PlantedTest("AssertFail", "Assert.Fail(\"planted\");"),
        PlantedTest("ToleranceAreEqual", "Assert.AreEqual(0.4, x, 1e-9);"),
        PlantedTest("UncastByte", "Assert.AreEqual(1, b);"),
        PlantedTest("GenericList", "var l = new System.Collections.Generic.List<int>();"),
    ];

    const string DeviceViolation = """
        namespace PosSlot.Firmware.Device
        {
            public static class Planted
            {
                public static object Run()
                {
                    var t = new nanoFramework.Hardware.Esp32.HighResTimer(); t.StartOneShot(5);
                    return new System.Collections.Generic.List<int>();
                }
            }
        }
        """;

    static readonly Lazy<string> TestsVerdict = new(() => GuardVerdict(NanoFramework.Tests, Violations));

    static string GuardVerdict(NanoProject project, params (string Path, string Text)[] planted)
    {
        var result = NanoCompiler.Compile(project, NanoFramework.StandIns, RepoRoot.Path, extraSources: planted);
        try
        {
            NanoFramework.AssertCompiles(result, "planted");
        }
        catch (AssertFailedException e)
        {
            return e.Message;
        }
        return "";
    }

    static void AssertNamed(string verdict, string path, string code)
    {
        Assert.IsTrue(verdict.Contains($"{path}({PlantedLine},") && verdict.Contains(code),
            $"expected the guard to fail naming {path} line {PlantedLine} with {code}; it said:\n{(verdict.Length == 0 ? "(passed)" : verdict)}");
    }

    [TestMethod]
    public void PlantedTestsThatKeepTheRulesCompile()
    {
        Assert.AreEqual("", GuardVerdict(NanoFramework.Tests, Clean), "the planted files themselves must not be what fails");
    }

    [TestMethod]
    public void APlantedAssertFailIsNamed() => AssertNamed(TestsVerdict.Value, TestFile("AssertFail"), "CS0117");

    [TestMethod]
    public void APlantedToleranceAreEqualIsNamed() => AssertNamed(TestsVerdict.Value, TestFile("ToleranceAreEqual"), "CS1503");

    [TestMethod]
    public void APlantedUncastByteComparisonIsNamed() => AssertNamed(TestsVerdict.Value, TestFile("UncastByte"), "CS0121");

    [TestMethod]
    public void APlantedGenericListIsNamedInTheTests() => AssertNamed(TestsVerdict.Value, TestFile("GenericList"), "CS0234");

    [TestMethod]
    public void APlantedGenericListIsNamedInTheDeviceLayer() => AssertNamed(GuardVerdict(NanoFramework.Firmware, (DeviceFile, DeviceViolation)), DeviceFile, "CS0234");

    [TestMethod]
    [DataRow("NulInString")]
    [DataRow("NulConcatenated")]
    [DataRow("NulInterpolated")]
    public void APlantedU0000InAStringIsNamed(string name)
    {
        var planted = Clean.Single(c => c.Path == TestFile(name));
        var e = Assert.ThrowsExactly<AssertFailedException>(() => NanoFramework.AssertNoNulInStrings(NanoFramework.Tests, planted));
        Assert.IsTrue(e.Message.Contains($"{TestFile(name)}({PlantedLine},"), e.Message);
    }
}
