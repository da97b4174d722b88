using PosSlot.DiagClient;

namespace PosSlot.Fleet.Agent;

/// <summary>
/// The board's console in machine mode, one request at a time: a serial port (SerialBoardConsole,
/// through DiagClient's DiagLink) or an emulated board in this process (the fleet simulator). A board
/// that does not answer throws CliFailure (IoFailure or DeviceGarbage).
/// </summary>
public interface IBoardConsole
{
    DiagReply Request(string command);
}

/// <summary>A real board on a serial port.</summary>
public sealed class SerialBoardConsole(DiagLink link) : IBoardConsole
{
    public DiagReply Request(string command) => link.Request(command);
}
