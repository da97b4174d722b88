using System;
using System.CommandLine;
using System.IO;
using PosSlot.Firmware;
using PosSlot.Host.Replay;
using PosSlot.Host.Traces;

namespace PosSlot.Host.Cli;

/// <summary><c>posslot replay FILE [--json] [--detect-only]</c>: checks the whole trace, then replays it streaming (constant memory).</summary>
public static class ReplayCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE")
        {
            Description = "Trace to replay: an edge CSV (header t_us,line,level) or a sample CSV (# rate_hz=N, then detect,contact or detect). See docs/trace-format.md.",
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text." };
        var detectOnly = new Option<bool>("--detect-only")
        {
            Description = "The board wires only the detect switch: the contact line follows detect (implied by a sample CSV with a detect column alone).",
        };
        var command = new Command("replay", "Feed a recorded trace of the slot lines through the real firmware core and show every insertion it measured.")
        {
            file, json, detectOnly,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            bool detect = parse.GetValue(detectOnly);
            long edges;
            long? length;
            try
            {
                // First pass: check the whole trace (nothing kept), so a bad line stops it before any output.
                using (var check = TraceReader.Open(path, detect))
                {
                    foreach (var _ in check.Edges())
                    {
                    }
                    edges = check.EdgeCount;
                    length = check.FileLength;
                }
                using var trace = TraceReader.Open(path, detect);
                if (trace.FileLength != length)
                {
                    throw new TraceFormatException(path, 0, $"changed while reading (it was {length:N0} bytes when checked, {trace.FileLength:N0} now): replay a finished recording, or a copy of it");
                }
                IReplayOutput sink = parse.GetValue(json) ? new ReplayJson(output) : new ReplayText(output);
                ReplayRunner.Run(trace, path, edges, new SlotConfig(), sink);
            }
            catch (TraceFormatException e)
            {
                error.WriteLine("posslot replay: " + e.Message);
                return ExitCodes.BadInput;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"posslot replay: {path}: cannot read: {e.Message}");
                return ExitCodes.IoFailure;
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
