namespace PosSlot.Firmware.Console
{
    /// <summary>
    /// The console's error codes: stable, sent in machine replies ({"ok":false,"err":{"code":N,...}})
    /// and shown as "error N: ..." to a person. docs/console.md lists them.
    /// </summary>
    public static class ErrorCode
    {
        public const int UnknownCommand = 1;
        public const int BadArguments = 2;
        public const int BadCrc = 3;
        public const int BadFrame = 4;
        public const int LineTooLong = 5;
        public const int LineTimedOut = 6;
        public const int AuthRequired = 7;
        public const int AuthFailed = 8;
        public const int AuthLockedOut = 9;
        public const int NoChallenge = 10;
        public const int NoCard = 11;
        public const int NotAvailable = 12;
        public const int Internal = 13;

        /// <summary>A destructive frame without the session's tag, with a wrong one, or with a seq not above the session's last: not executed.</summary>
        public const int BadTag = 14;
        public const int Count = 15;

        static readonly string[] s_names = new string[]
        {
            "none", "unknown_command", "bad_arguments", "bad_crc", "bad_frame", "line_too_long", "line_timed_out",
            "auth_required", "auth_failed", "auth_locked_out", "no_challenge", "no_card", "not_available", "internal",
            "bad_tag",
        };

        public static string Name(int code)
        {
            return code > 0 && code < Count ? s_names[code] : "unknown";
        }
    }
}
