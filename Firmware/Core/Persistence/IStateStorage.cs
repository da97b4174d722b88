namespace PosSlot.Firmware.Persistence
{
    /// <summary>
    /// The few file operations the firmware's state needs, over the board's internal drive (I:\,
    /// LittleFS) or the host's simulated flash. Every method reports failure by its result (a full
    /// or lost drive, an I/O error) and never throws: the firmware keeps running without its store.
    /// </summary>
    public interface IStateStorage
    {
        /// <summary>The whole file, or null when it does not exist or cannot be read.</summary>
        byte[] Read(string name);

        /// <summary>Replaces the file with data[0..length). A power cut can leave any prefix of it.</summary>
        bool Write(string name, byte[] data, int length);

        /// <summary>Appends data[offset..offset+length) to the file, creating it if needed.</summary>
        bool Append(string name, byte[] data, int offset, int length);

        /// <summary>Deletes the file; true when it is gone (also when it never existed).</summary>
        bool Delete(string name);
    }
}
