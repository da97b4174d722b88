namespace PosSlot.Firmware.Device.Boards
{
    /// <summary>
    /// A reader board's pin map, compiled into the image (the board has no file to read it from
    /// before its drive is up). One factory per file in boards/; a host test checks each against its
    /// JSON, so the two cannot drift. Pick the board with the BOARD_* constant at build time.
    /// </summary>
    public sealed class BoardConfig
    {
        public const int NoPin = -1;
        public const int PullNone = 0;
        public const int PullUp = 1;
        public const int PullDown = 2;

        public string Name;
        public int DetectPin;
        public bool DetectActiveLow;
        public int DetectPull;
        public int ContactPin;
        public bool ContactActiveLow;
        public int ContactPull;
        public int ReaderFaultPin = NoPin;
        public bool ReaderFaultActiveLow;
        public int ReaderFaultPull;
        public int FallbackPin;
        public bool FallbackActiveHigh;
        public int LedPin = NoPin;
        public bool LedActiveLow;
        public int ConsoleTxPin;
        public int ConsoleRxPin;
        public int RmtDetectChannel;
        public int RmtContactChannel;
        public long RatedCycles;

        /// <summary>The board this image was built for.</summary>
        public static BoardConfig Compiled()
        {
#if BOARD_ESP32_DEVKITC
            return Esp32DevKitC();
#elif BOARD_ESP32_S3_DEVKITC_1
            return Esp32S3DevKitC1();
#else
            return PosSlotReaderV1();
#endif
        }

        /// <summary>boards/posslot-reader-v1.json: switches on input-only 34-36 with pull-ups on the board.</summary>
        public static BoardConfig PosSlotReaderV1()
        {
            BoardConfig b = new BoardConfig();
            b.Name = "posslot-reader-v1";
            b.DetectPin = 34; b.DetectActiveLow = true; b.DetectPull = PullNone;
            b.ContactPin = 35; b.ContactActiveLow = true; b.ContactPull = PullNone;
            b.ReaderFaultPin = 36; b.ReaderFaultActiveLow = true; b.ReaderFaultPull = PullNone;
            b.FallbackPin = 23; b.FallbackActiveHigh = true;
            b.LedPin = 22; b.LedActiveLow = true;
            b.ConsoleTxPin = 17; b.ConsoleRxPin = 16;
            b.RmtDetectChannel = 0; b.RmtContactChannel = 1;
            b.RatedCycles = 50000;
            return b;
        }

        /// <summary>boards/esp32-devkitc.json.</summary>
        public static BoardConfig Esp32DevKitC()
        {
            BoardConfig b = new BoardConfig();
            b.Name = "esp32-devkitc";
            b.DetectPin = 25; b.DetectActiveLow = true; b.DetectPull = PullUp;
            b.ContactPin = 26; b.ContactActiveLow = true; b.ContactPull = PullUp;
            b.ReaderFaultPin = 27; b.ReaderFaultActiveLow = true; b.ReaderFaultPull = PullUp;
            b.FallbackPin = 32; b.FallbackActiveHigh = true;
            b.LedPin = 2; b.LedActiveLow = false;
            b.ConsoleTxPin = 17; b.ConsoleRxPin = 16;
            b.RmtDetectChannel = 4; b.RmtContactChannel = 5;
            b.RatedCycles = 50000;
            return b;
        }

        /// <summary>boards/esp32-s3-devkitc-1.json (no LED line).</summary>
        public static BoardConfig Esp32S3DevKitC1()
        {
            BoardConfig b = new BoardConfig();
            b.Name = "esp32-s3-devkitc-1";
            b.DetectPin = 4; b.DetectActiveLow = true; b.DetectPull = PullUp;
            b.ContactPin = 5; b.ContactActiveLow = true; b.ContactPull = PullUp;
            b.ReaderFaultPin = 6; b.ReaderFaultActiveLow = true; b.ReaderFaultPull = PullUp;
            b.FallbackPin = 7; b.FallbackActiveHigh = true;
            b.ConsoleTxPin = 17; b.ConsoleRxPin = 18;
            b.RmtDetectChannel = 4; b.RmtContactChannel = 5;
            b.RatedCycles = 50000;
            return b;
        }

        /// <summary>Every board, for the host's check against boards/.</summary>
        public static BoardConfig[] All()
        {
            return new BoardConfig[] { PosSlotReaderV1(), Esp32DevKitC(), Esp32S3DevKitC1() };
        }
    }
}
