namespace PosSlot.Firmware.Console
{
    /// <summary>The console's commands: usage and one line of help each, in the order `help` lists them.</summary>
    public static class CommandTable
    {
        public static readonly string[] Usage = new string[]
        {
            "help [command]",
            "hello",
            "status",
            "counters",
            "wear",
            "events [--since ID] [--limit N]",
            "advice [en|zh]",
            "selftest",
            "errors",
            "read ok|fail",
            "auth challenge|respond <hex>|status|logout",
            "counters reset --replaced",
            "maintenance cleaned",
            "fallback force on|off|auto [--minutes N]",
            "log clear",
        };

        public static readonly string[] Summary = new string[]
        {
            "list the commands, or explain one",
            "protocol, model, board, firmware, serial, uptime and boot count",
            "health, fallback, card in the slot, insertion counts",
            "insertion counts for the board and this slot, replacements, boots",
            "wear measures against the baseline, per-fault levels, forecast",
            "the event log, oldest first (ids only grow; --limit at most 32)",
            "maintenance advice for each raised fault, in English or Chinese",
            "line levels, capture path and storage, checked now",
            "console and storage error counters",
            "terminal software: the chip read of the card in the slot worked or failed",
            "open a session: challenge gives a nonce, respond takes HMAC-SHA256(key, nonce||serial)",
            "[auth] a new slot was fitted: slot count and wear baseline restart (board total kept)",
            "[auth] the slot was cleaned: dirt faults get a probation",
            "[auth] hold the external reader on or off for N minutes (1-60, default 60), or back to auto",
            "[auth] empty the event log (the clearing itself is logged)",
        };

        /// <summary>The row whose usage starts with `words` (one or two words), or -1.</summary>
        public static int Find(string first, string second)
        {
            int best = -1;
            for (int i = 0; i < Usage.Length; i++)
            {
                string u = Usage[i];
                if (Starts(u, first))
                {
                    if (second.Length > 0 && u.Length > first.Length && Starts(u.Substring(first.Length + 1), second))
                    {
                        return i;
                    }
                    if (best < 0)
                    {
                        best = i;
                    }
                }
            }
            return best;
        }

        static bool Starts(string usage, string word)
        {
            return usage.Length >= word.Length && usage.Substring(0, word.Length) == word
                && (usage.Length == word.Length || usage[word.Length] == ' ');
        }
    }
}
