namespace PosSlot.Firmware.Console
{
    /// <summary>Reads a command line's first words and runs the command (same for both modes).</summary>
    public sealed partial class DiagConsole
    {
        void Execute(string line)
        {
            if (!_args.Parse(line))
            {
                _reply.Error(ErrorCode.BadArguments, "too many words (at most 8)");
                return;
            }
            string cmd = _args[0];
            string sub = _args[1];
            _auth.Touch(_nowUs);
            if (cmd == "help") { Help(); }
            else if (cmd == "hello" && _args.Count == 1) { Hello(); }
            else if (cmd == "status" && _args.Count == 1) { Status(); }
            else if (cmd == "counters" && _args.Count == 1) { Counters(); }
            else if (cmd == "counters" && sub == "reset") { CountersReset(); }
            else if (cmd == "wear" && _args.Count == 1) { Wear(); }
            else if (cmd == "events") { Events(); }
            else if (cmd == "advice" && _args.Count <= 2) { AdviceCommand(); }
            else if (cmd == "selftest" && _args.Count == 1) { SelfTest(); }
            else if (cmd == "errors" && _args.Count == 1) { Errors(); }
            else if (cmd == "read" && _args.Count == 2) { Read(); }
            else if (cmd == "auth") { Auth(); }
            else if (cmd == "maintenance") { MaintenanceCleaned(); }
            else if (cmd == "fallback") { FallbackForce(); }
            else if (cmd == "log") { LogClear(); }
            else
            {
                int row = CommandTable.Find(cmd, "");
                if (row >= 0)
                {
                    _reply.Error(ErrorCode.BadArguments, "usage: " + CommandTable.Usage[row]);
                }
                else
                {
                    UnknownCommands++;
                    _reply.Error(ErrorCode.UnknownCommand, "unknown command '" + Clip(cmd) + "': type help");
                }
            }
        }

        void Help()
        {
            if (_args.Count == 1 && !_reply.Json)
            {
                for (int i = 0; i < CommandTable.Usage.Length; i++)
                {
                    string u = CommandTable.Usage[i];
                    _reply.Line(u.Length < 42 ? u + new string(' ', 42 - u.Length) + CommandTable.Summary[i] : u + "\r\n" + new string(' ', 42) + CommandTable.Summary[i]);
                }
                _reply.Line("[auth]: needs a session (auth challenge, then auth respond). help <command> for one.");
                return;
            }
            if (_args.Count == 1)
            {
                _reply.BeginList("commands");
                for (int i = 0; i < CommandTable.Usage.Length; i++)
                {
                    _reply.BeginItem();
                    _reply.Text("usage", CommandTable.Usage[i]);
                    _reply.Text("does", CommandTable.Summary[i]);
                    _reply.EndItem();
                }
                _reply.EndList();
                return;
            }
            int row = CommandTable.Find(_args[1], _args[2]);
            if (row < 0)
            {
                _reply.Error(ErrorCode.UnknownCommand, "no command '" + Clip(_args[1]) + "': type help");
                return;
            }
            _reply.Text("usage", CommandTable.Usage[row]);
            _reply.Text("does", CommandTable.Summary[row]);
        }

        /// <summary>A word from the line, cut short, for an error message.</summary>
        static string Clip(string word)
        {
            return word.Length > 24 ? word.Substring(0, 24) + "..." : word;
        }

        /// <summary>Microseconds as whole seconds, rounded down.</summary>
        static long Seconds(long us)
        {
            return us / 1000000;
        }
    }
}
