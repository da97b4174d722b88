using System;
using System.Device.Gpio;
using System.Threading;
using PosSlot.Firmware.Capture;
using PosSlot.Firmware.Console;
using PosSlot.Firmware.Device.Boards;
using PosSlot.Firmware.Device.Capture;
using PosSlot.Firmware.Device.Clock;
using PosSlot.Firmware.Device.Pins;
using PosSlot.Firmware.Device.Security;
using PosSlot.Firmware.Device.Serial;
using PosSlot.Firmware.Device.Storage;
using PosSlot.Firmware.Events;
using PosSlot.Firmware.Health;
using PosSlot.Firmware.Lines;
using PosSlot.Firmware.Persistence;

namespace PosSlot.Firmware.Device
{
    /// <summary>
    /// The board's entry point: wires the pins, the store, the console and the capture to the portable
    /// firmware, then runs one loop on the main thread. Interrupt-side handlers (pin events, the
    /// deadline timer) only stamp, queue and wake it, so the event thread is never held. Each part of
    /// a pass runs in its own try: a part that throws is logged (event log and console) and skipped
    /// for that pass, and the rest of the firmware runs on.
    /// </summary>
    public static class Program
    {
        public const string FirmwareVersion = "1.0.0";
        const string DriveFolder = "I:\\posslot";
        const int LoopWaitMs = 10;

        // The parts of a pass, as logged in PartFailed's detail.
        const int PartCapture = 1;
        const int PartCore = 2;
        const int PartConsole = 3;
        const int PartLed = 4;
        const int PartCount = 5;

        static readonly long[] s_failures = new long[PartCount];
        static SlotFirmware s_fw;
        static Com2ConsolePort s_port;

        public static void Main()
        {
            BoardConfig board = BoardConfig.Compiled();
            BoardClock clock = new BoardClock();
            GpioController gpio = new GpioController();
            // The fallback line first, inactive, before anything can fail: the terminal keeps its slot.
            FallbackEnablePin fallback = new FallbackEnablePin(gpio, board.FallbackPin, board.FallbackActiveHigh);

            InternalDriveStorage storage = new InternalDriveStorage(DriveFolder);
            HealthSettings health = new HealthSettings();
            health.RatedCycles = board.RatedCycles;
            s_fw = new SlotFirmware(new SlotConfig(), health, fallback, SlotFirmware.DefaultLogCapacity);
            BootReport boot = s_fw.AttachStore(storage, new StoreSettings(), 0);
            clock.ResumeFrom(boot.ResumeUs);

            DeviceKey key = LoadKey(storage);
            DeviceIdentity id = new DeviceIdentity();
            id.Board = board.Name;
            id.FirmwareVersion = FirmwareVersion;
            id.Serial = key != null ? key.Serial : "unprovisioned";

            SlotInputPin[] inputs = new SlotInputPin[SlotLine.Count];
            inputs[SlotLine.Detect] = new SlotInputPin(gpio, board.DetectPin, board.DetectPull, board.DetectActiveLow);
            inputs[SlotLine.Contact] = new SlotInputPin(gpio, board.ContactPin, board.ContactPull, board.ContactActiveLow);
            GpioEventLine readerFault = null;
            if (board.ReaderFaultPin != BoardConfig.NoPin)
            {
                inputs[SlotLine.ReaderFault] = new SlotInputPin(gpio, board.ReaderFaultPin, board.ReaderFaultPull, board.ReaderFaultActiveLow);
                readerFault = new GpioEventLine(inputs[SlotLine.ReaderFault], clock);
            }

            // Detect and contact: timed by the RMT in hardware, cross-checked by PCNT.
            RmtBurst detectBurst = new RmtBurst(s_fw.Core, SlotLine.Detect, board.DetectActiveLow);
            RmtBurst contactBurst = new RmtBurst(s_fw.Core, SlotLine.Contact, board.ContactActiveLow);
            detectBurst.SetResting(inputs[SlotLine.Detect].PinLevel);
            contactBurst.SetResting(inputs[SlotLine.Contact].PinLevel);
            RmtLineCapture[] rmt = new RmtLineCapture[]
            {
                new RmtLineCapture(board.RmtDetectChannel, board.DetectPin, detectBurst),
                new RmtLineCapture(board.RmtContactChannel, board.ContactPin, contactBurst),
            };
            PulseCountCapture[] counters = new PulseCountCapture[]
            {
                new PulseCountCapture(board.DetectPin),
                new PulseCountCapture(board.ContactPin),
            };
            // The core learns the lines' levels at boot as edges at the boot instant.
            long t0 = clock.NowUs;
            for (int line = 0; line < SlotLine.Count; line++)
            {
                if (inputs[line] != null && inputs[line].Level == 1)
                {
                    s_fw.Core.OnEdge(line, 1, t0);
                }
            }

            s_port = new Com2ConsolePort(board.ConsoleTxPin, board.ConsoleRxPin);
            AuthGate auth = new AuthGate(key, new HardwareNonces(key != null ? key.Key : null), storage);
            DiagConsole console = new DiagConsole(s_fw, id, auth, s_port, new BoardProbe(inputs, counters, rmt), storage, clock.NowUs);
            console.Start();
            StatusLed led = board.LedPin != BoardConfig.NoPin ? new StatusLed(gpio, board.LedPin, board.LedActiveLow) : null;

            AutoResetEvent wake = new AutoResetEvent(false);
            DeadlineTimer deadline = new DeadlineTimer(clock, wake);
            while (true)
            {
                long now = clock.NowUs;
                try
                {
                    rmt[0].Poll(now);
                    rmt[1].Poll(now);
                    if (readerFault != null)
                    {
                        readerFault.Drain(s_fw.Core, SlotLine.ReaderFault);
                    }
                }
                catch (Exception e)
                {
                    Failed(PartCapture, e, now);
                }
                try
                {
                    // Advance hands back the next deadline: no second read through the getter.
                    deadline.Arm(s_fw.Core.Advance(now));
                }
                catch (Exception e)
                {
                    Failed(PartCore, e, now);
                }
                try
                {
                    s_port.Pump(console, now);
                    console.Poll(now);
                }
                catch (Exception e)
                {
                    Failed(PartConsole, e, now);
                }
                try
                {
                    if (led != null)
                    {
                        led.Update(s_fw.Health.State, s_fw.Fallback.Engaged, now);
                    }
                }
                catch (Exception e)
                {
                    Failed(PartLed, e, now);
                }
                // Sleep until the core's deadline fires or a 10 ms tick passes (RMT keeps timing meanwhile).
                wake.WaitOne(LoopWaitMs, false);
            }
        }

        /// <summary>The key file deployed with the firmware (posslot flash --key-file), or null on an unprovisioned board.</summary>
        static DeviceKey LoadKey(IStateStorage storage)
        {
            byte[] data = storage.Read(DeviceKey.FileName);
            if (data == null)
            {
                return null;
            }
            string error;
            return DeviceKey.Parse(new string(System.Text.Encoding.UTF8.GetChars(data, 0, data.Length)), out error);
        }

        /// <summary>Logs a part that threw (once per 64 failures, so a part stuck throwing cannot flood the log) and tells the console.</summary>
        static void Failed(int part, Exception e, long now)
        {
            long n = ++s_failures[part];
            if (n % 64 != 1)
            {
                return;
            }
            try
            {
                s_fw.Log.Append(EventCode.PartFailed, now, s_fw.Counters.BoardInsertions, part, n);
                if (s_port != null)
                {
                    s_port.Write("\r\n! part " + part.ToString() + " failed (" + n.ToString() + " times): " + e.Message + "\r\n");
                }
            }
            catch (Exception)
            {
                // Reporting must never be what stops the loop.
            }
        }
    }
}
