using System.IO;
using PosSlot.Host.Cli;

namespace PosSlot.Host.Tests.Cli;

/// <summary>posslot agent and fleet simulate refuse bad input with one line and exit 2, before touching a port or a broker.</summary>
[TestClass]
public class FleetCommandInputTests
{
    static (int Code, string Error) Run(params string[] args)
    {
        var error = new StringWriter();
        int code = PosSlotCli.Run(args, new StringWriter(), error);
        return (code, error.ToString().TrimEnd());
    }

    [TestMethod]
    [DataRow("--broker", "http://127.0.0.1:1883", "give mqtt://HOST:PORT")]
    [DataRow("--broker", "mqtt://PS-1:secret@127.0.0.1:1883", "put no credentials in the URL")]
    [DataRow("--site", "shop/7", "--site shop/7: use 1-64 of")]
    [DataRow("--interval", "soon", "--interval soon")]
    [DataRow("--password-file", "/nonexistent/pw", "--password-file /nonexistent/pw: no such file")]
    public void TheAgentRefusesBadInputInOneLine(string option, string value, string expected)
    {
        var args = new System.Collections.Generic.List<string> { "agent", "--port", "/dev/null", "--broker", "mqtt://127.0.0.1:1883", "--site", "shop-7", "--username", "PS-1" };
        int at = args.IndexOf(option);
        if (at >= 0)
        {
            args[at + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }
        var (code, error) = Run(args.ToArray());
        Assert.AreEqual(ExitCodes.BadInput, code, error);
        Assert.AreEqual(1, error.Split('\n').Length, error);
        StringAssert.Contains(error, expected);
        Assert.IsFalse(error.Contains("secret"), "a password never reaches the console");
    }

    [TestMethod]
    public void SimulateRefusesBadInputInOneLine()
    {
        var (code, error) = Run("fleet", "simulate", "--boards", "0", "--days", "1", "--broker", "mqtt://127.0.0.1:1883");
        Assert.AreEqual(ExitCodes.BadInput, code);
        StringAssert.Contains(error, "--boards 0");
        (code, error) = Run("fleet", "simulate", "--boards", "5", "--days", "1", "--broker", "mqtt://127.0.0.1:1883", "--start", "yesterday");
        Assert.AreEqual(ExitCodes.BadInput, code);
        StringAssert.Contains(error, "--start yesterday");
    }

    /// <summary>Every command that takes --broker reads it one way, and a password in the URL is never echoed.</summary>
    [TestMethod]
    [DataRow("fleet", "ingest")]
    [DataRow("fleet", "simulate")]
    [DataRow("agent", "")]
    public void ABrokerUrlWithAPasswordIsRefusedWithoutEchoingIt(string command, string sub)
    {
        var args = new System.Collections.Generic.List<string> { command };
        if (sub.Length > 0)
        {
            args.Add(sub);
        }
        args.AddRange(command == "agent"
            ? ["--port", "/dev/null", "--site", "shop-7", "--username", "PS-1"]
            : sub == "simulate" ? ["--boards", "1", "--days", "1"] : ["--db", "sqlite:never.db"]);
        args.AddRange(["--broker", "mqtt://PS-1:secret@127.0.0.1:1883"]);
        var (code, error) = Run(args.ToArray());
        Assert.AreEqual(ExitCodes.BadInput, code, error);
        Assert.AreEqual(1, error.Split('\n').Length, error);
        StringAssert.Contains(error, "--broker");
        StringAssert.Contains(error, "put no credentials in the URL");
        Assert.IsFalse(error.Contains("secret"), "a password never reaches the console: " + error);
    }
}
