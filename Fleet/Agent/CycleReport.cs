namespace PosSlot.Fleet.Agent;

/// <summary>What one report cycle did.</summary>
/// <param name="Status">The state reported: online, board_lost, or "" when nothing could be reported (serial unknown).</param>
/// <param name="Milestones">Milestones read from the board this cycle.</param>
/// <param name="Sent">Messages the broker acknowledged this cycle.</param>
/// <param name="Pending">Messages left in the spool.</param>
/// <param name="Connected">The broker was reachable.</param>
public sealed record CycleReport(string Status, int Milestones, int Sent, long Pending, bool Connected);
