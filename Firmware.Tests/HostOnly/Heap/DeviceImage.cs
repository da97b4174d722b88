using System;
using System.Collections.Generic;
using System.Reflection;
using System.Text;
using PosSlot.Firmware.Console;
using PosSlot.Firmware.Health;
using PosSlot.Firmware.Persistence;
using PosSlot.Firmware.Tests.Support;

namespace PosSlot.Firmware.Tests.HostOnly.Heap
{
    /// <summary>
    /// The portable part of a board as Program.Main (Firmware/Device/Program.cs) builds it, from the
    /// same constructors with the same settings and sizes: the firmware with its log and store, the key
    /// read from the drive, the auth gate, the console. The drivers are stand-ins and are not part of
    /// the estimate: SimulatedFlash for the I:\ drive, an in-memory port for COM2, a fixed board probe,
    /// seeded nonces for the hardware ones, a fallback line for the pin.
    /// </summary>
    public sealed class DeviceImage
    {
        public const string Serial = "PS-BUDGET-01";

        public readonly SimulatedFlash Drive = SimulatedFlash.Board();
        public readonly FallbackLine FallbackPin = new FallbackLine();
        public readonly CapturedPort Port = new CapturedPort();
        public readonly FixedProbe Probe = new FixedProbe();
        public readonly SeededNonces Nonces;
        public readonly SlotFirmware Fw;
        public readonly DeviceKey Key;
        public readonly DeviceIdentity Id = new DeviceIdentity();
        public readonly AuthGate Auth;
        public readonly DiagConsole Console;
        LifeScript _life;
        readonly int _seed;
        readonly byte[] _keyBytes = new byte[DeviceKey.KeyBytes];
        int _seq = 1;
        int _fed;
        long _t;

        public DeviceImage(int seed)
        {
            _seed = seed;
            var r = new SeededRandom(seed);
            for (int i = 0; i < _keyBytes.Length; i++)
            {
                _keyBytes[i] = (byte)r.Next(256);
            }
            Drive.Provision();
            var file = new DeviceKey { Serial = Serial, Key = _keyBytes }.Format();
            Drive.Put(DeviceKey.FileName, Encoding.UTF8.GetBytes(file));
            Nonces = new SeededNonces(seed);
            _t = 1000000;

            // As Program.Main, in its order.
            HealthSettings health = new HealthSettings();
            Fw = new SlotFirmware(new SlotConfig(), health, FallbackPin, SlotFirmware.DefaultLogCapacity);
            Fw.AttachStore(Drive, new StoreSettings(), 0);
            byte[] data = Drive.Read(DeviceKey.FileName);
            Key = DeviceKey.Parse(new string(Encoding.UTF8.GetChars(data, 0, data.Length)), out string error);
            Assert.IsNotNull(Key, error);
            Id.Board = "esp32-devkitc";
            Id.FirmwareVersion = "1.0.0";
            Id.Serial = Key.Serial;
            Auth = new AuthGate(Key, Nonces, Drive);
            Console = new DiagConsole(Fw, Id, Auth, Port, Probe, Drive, _t);
            Console.Start();
        }

        /// <summary>The stand-ins for the drivers: not the board's RAM (the drive is flash, the port a UART).</summary>
        public object[] Drivers => new object[] { Drive, FallbackPin, Port, Probe, Nonces, _life };

        public long T => _t;

        /// <summary>
        /// A whole eventful life of `count` insertions (LifeScript: wear, failure, cleaning, a spring
        /// that stops seating, a replacement, detect noise), after whatever the board lived before.
        /// </summary>
        public void Life(int count)
        {
            _life = new LifeScript(count, _seed + _fed, _t);
            for (int n = 1; n <= count; n++)
            {
                _life.Step(Fw, n);
                _fed++;
            }
            _t = _life.T;
            Console.Poll(T);
            Port.Clear();
        }

        /// <summary>Console traffic: every read-only command typed and framed, and a login; it ends on the console's largest state.</summary>
        public void Burst()
        {
            string[] commands =
            {
                "hello", "status", "counters", "wear", "errors", "selftest", "advice", "advice zh", "auth status",
                "events", "events --limit 32", "events --since 1 --limit 32", "help", "help log", "read ok", "bogus",
            };
            foreach (var c in commands)
            {
                Line(c + "\r");
            }
            foreach (var c in commands)
            {
                Frame(c);
            }
            string challenge = Frame("auth challenge");
            string nonce = ConsoleRig.Field(challenge, "nonce");
            byte[] response = DeviceKey.Response(_keyBytes, Hex.Parse(nonce), Serial);
            string reply = Frame("auth respond " + Hex.Of(response));
            Assert.IsTrue(reply.IndexOf("\"session\":true", StringComparison.Ordinal) > 0, reply);
            foreach (var c in commands)
            {
                Frame(c);
            }
            Frame("auth logout");
            // The worst case last: the longest reply (32 events as JSON, ~3 KB) fills every slot of the
            // reply cache, and the reply builder holds it (nanoFramework's StringBuilder keeps its capacity).
            for (int i = 0; i < ReplyCache.Size; i++)
            {
                Frame("events --limit 32");
            }
        }

        void Line(string text)
        {
            Port.Clear();
            byte[] b = Encoding.UTF8.GetBytes(text);
            Console.Receive(b, 0, b.Length, T);
            Console.Poll(T);
        }

        string Frame(string command)
        {
            Line(ConsoleRig.Frame(_seq++, command));
            return Port.FirstLine();
        }

        /// <summary>The components of the estimate, each a root the others stop at; the last ones hold what is left.</summary>
        public List<KeyValuePair<string, object>> Components()
        {
            var list = new List<KeyValuePair<string, object>>
            {
                new("SlotCore (lines, debouncers, monitor, bus)", Fw.Core),
                new("EventLog", Fw.Log),
                new("SlotHealthAnalyzer", Fw.Health),
                new("SlotCounters", Fw.Counters),
                new("FallbackController", Fw.Fallback),
                new("StateStore (snapshot and journal buffers)", Fw.Store),
                new("SlotFirmware (itself, settings)", Fw),
            };
            foreach (var f in typeof(DiagConsole).GetFields(BindingFlags.Instance | BindingFlags.NonPublic))
            {
                if (f.FieldType == typeof(LineReader) || f.FieldType == typeof(ReplyCache) || f.FieldType == typeof(PushQueue)
                    || f.FieldType == typeof(Reply) || f.FieldType == typeof(MachineFrame) || f.FieldType == typeof(CommandArgs))
                {
                    list.Add(new(f.FieldType.Name, f.GetValue(Console)!));
                }
            }
            list.Add(new("DiagConsole (itself)", Console));
            list.Add(new("AuthGate", Auth));
            list.Add(new("DeviceKey", Key));
            list.Add(new("DeviceIdentity", Id));
            return list;
        }

        /// <summary>Bytes per component and in all, each object once, the drivers left out.</summary>
        public List<KeyValuePair<string, long>> Estimate(out long total)
        {
            var e = new NanoHeapEstimator();
            e.Exclude(Drivers);
            var components = Components();
            foreach (var c in components)
            {
                e.Boundary(c.Value);
            }
            var result = new List<KeyValuePair<string, long>>();
            foreach (var c in components)
            {
                result.Add(new(c.Key, e.Add(c.Value)));
            }
            total = e.Bytes;
            return result;
        }
    }
}
