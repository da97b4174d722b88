using System.CommandLine;

namespace PosSlot.Host.Cli;

/// <summary>
/// <c>posslot fleet ...</c>: the fleet's commands (the store, the ingester and the simulator live in
/// the Fleet project; this only wires them). Each subcommand is added by its own Create method.
/// </summary>
public static class FleetCommand
{
    public static Command Create()
    {
        // One line per subcommand, each in its own file: FleetSimulateCommand, FleetIngestCommand.
        return new Command("fleet", "The fleet: simulate emulated readers reporting through MQTT, ingest their reports into a store.")
        {
            FleetSimulateCommand.Create(),
            FleetIngestCommand.Create(),
            FleetDispatchCommand.Create(),
            FleetServeCommand.Create(),
        };
    }
}
