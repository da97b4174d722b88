using System;
using PosSlot.Fleet.Store;

namespace PosSlot.Fleet.Tests;

[TestClass]
public sealed class FleetStoreLocationTests
{
    [TestMethod]
    public void APostgresUrlBecomesAnNpgsqlConnectionStringAndItsDisplayHidesThePassword()
    {
        var l = FleetStoreLocation.Parse("postgres://fleet:s%40cret@127.0.0.1:5433/estate");
        Assert.AreEqual("postgres", l.Engine);
        var b = new Npgsql.NpgsqlConnectionStringBuilder(l.Target);
        Assert.AreEqual("127.0.0.1", b.Host);
        Assert.AreEqual(5433, b.Port);
        Assert.AreEqual("estate", b.Database);
        Assert.AreEqual("fleet", b.Username);
        Assert.AreEqual("s@cret", b.Password);
        Assert.IsFalse(l.ToString().Contains("cret", StringComparison.Ordinal));
    }

    [TestMethod]
    public void SqliteTakesAPathAndAnythingElseIsRefusedWithAReason()
    {
        Assert.AreEqual("fleet.db", FleetStoreLocation.Parse("sqlite:fleet.db").Target);
        Assert.ThrowsExactly<FormatException>(() => FleetStoreLocation.Parse("sqlite:"));
        Assert.ThrowsExactly<FormatException>(() => FleetStoreLocation.Parse("mysql://x@h/db"));
        Assert.ThrowsExactly<FormatException>(() => FleetStoreLocation.Parse("postgres://x@127.0.0.1:5432/"));
    }
}
