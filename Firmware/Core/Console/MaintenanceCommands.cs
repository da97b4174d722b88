using PosSlot.Firmware.Events;

namespace PosSlot.Firmware.Console
{
    /// <summary>
    /// The destructive commands. Each checks its arguments, then the session, then runs and is
    /// logged with its result; a refused one is logged too.
    /// </summary>
    public sealed partial class DiagConsole
    {
        public const long MaxForceMinutes = 60;

        void CountersReset()
        {
            if (_args.Count != 3 || _args[2] != "--replaced")
            {
                _reply.Error(ErrorCode.BadArguments, "usage: counters reset --replaced (only after fitting a new slot)");
                return;
            }
            if (!Authorised(ConsoleAction.CountersReset))
            {
                return;
            }
            _fw.SlotReplaced(Now());
            Done(ConsoleAction.CountersReset);
            _reply.Number("insertions_board", _fw.Counters.BoardInsertions, null);
            _reply.Number("insertions_slot", _fw.Counters.SlotInsertions, null);
            _reply.Number("replacements", _fw.Counters.Replacements, null);
        }

        void MaintenanceCleaned()
        {
            if (_args.Count != 2 || _args[1] != "cleaned")
            {
                _reply.Error(ErrorCode.BadArguments, "usage: maintenance cleaned");
                return;
            }
            if (!Authorised(ConsoleAction.MaintenanceCleaned))
            {
                return;
            }
            _fw.SlotCleaned(Now());
            Done(ConsoleAction.MaintenanceCleaned);
            _reply.Text("health", Health.HealthState.Name(_fw.Health.State));
        }

        void FallbackForce()
        {
            string mode = _args[2];
            int action = mode == "on" ? ConsoleAction.FallbackForceOn
                : (mode == "off" ? ConsoleAction.FallbackForceOff : (mode == "auto" ? ConsoleAction.FallbackAuto : 0));
            long minutes = _args.Option("--minutes", 3, MaxForceMinutes, 1, MaxForceMinutes);
            bool shape = _args[1] == "force" && action != 0 && _args.OnlyOptions(3, "--minutes", "--minutes")
                && !(action == ConsoleAction.FallbackAuto && _args.Count > 3);
            if (!shape || minutes < 0)
            {
                _reply.Error(ErrorCode.BadArguments, "usage: fallback force on|off|auto [--minutes N] (N 1 to 60)");
                return;
            }
            if (!Authorised(action))
            {
                return;
            }
            long t = Now();
            long insertion = _fw.Core.Monitor.CurrentIndex;
            if (action == ConsoleAction.FallbackForceOn)
            {
                _fw.Fallback.Force(t, insertion);
            }
            else if (action == ConsoleAction.FallbackForceOff)
            {
                _fw.Fallback.ForceOff(t, insertion);
            }
            else
            {
                _fw.Fallback.Unforce(t, insertion, _fw.Health.State);
            }
            _forceUntilUs = action == ConsoleAction.FallbackAuto ? 0 : _nowUs + minutes * 60 * 1000000;
            Done(action);
            _reply.Text("fallback", _fw.Fallback.Engaged ? "engaged" : "off");
            _reply.Text("fallback_mode", FallbackMode());
            _reply.Seconds("force_left", action == ConsoleAction.FallbackAuto ? 0 : minutes * 60);
        }

        void LogClear()
        {
            if (_args.Count != 2 || _args[1] != "clear")
            {
                _reply.Error(ErrorCode.BadArguments, "usage: log clear");
                return;
            }
            if (!Authorised(ConsoleAction.LogClear))
            {
                return;
            }
            long cleared = _fw.Log.Count;
            _fw.Log.Clear(Now());
            Done(ConsoleAction.LogClear);
            _reply.Number("cleared", cleared, null);
        }

        void Done(int action)
        {
            DestructiveRun++;
            LastDestructiveSeq = _requestSeq;
            LastDestructiveCommand = _request;
            Log(EventCode.ConsoleAction, action, 0);
        }
    }
}
