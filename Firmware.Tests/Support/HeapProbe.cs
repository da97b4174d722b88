namespace PosSlot.Firmware.Tests.Support
{
    /// <summary>What a heap probe is told by the rigs (HostOnly/Heap installs one on the host).</summary>
    public interface IHeapProbe
    {
        /// <summary>An object a test keeps for its whole run (a rig, a board, a recorder).</summary>
        void Root(object root);

        /// <summary>A point where the test holds the most: the roots plus a transient (an edge table; may be null).</summary>
        void Checkpoint(object transient);
    }

    /// <summary>
    /// Where the rigs report what a test keeps alive, so the host can size it as nanoCLR would and
    /// hold every test class to a device heap. Nothing is installed on the board: each call is a null check.
    /// </summary>
    public static class HeapProbe
    {
        public static IHeapProbe Installed;

        public static void Root(object root)
        {
            IHeapProbe probe = Installed;
            if (probe != null)
            {
                probe.Root(root);
            }
        }

        public static void Checkpoint(object transient)
        {
            IHeapProbe probe = Installed;
            if (probe != null)
            {
                probe.Checkpoint(transient);
            }
        }
    }
}
