using System.IO;
using PosSlot.Firmware.Persistence;

namespace PosSlot.Firmware.Device.Storage
{
    /// <summary>
    /// The store's files on the board's internal drive (I:\ is LittleFS on ESP32; every native write
    /// is flushed). Thin on purpose: whole-file writes and appends, every I/O error turned into a
    /// false result so the firmware runs on without its store. File.Move is not used: it does not
    /// overwrite on nanoFramework, so the core's A/B snapshots do the atomic-replace job instead.
    /// Compiled into the host build too, so the API guard checks it against nanoFramework's API.
    /// </summary>
    public sealed class InternalDriveStorage : IStateStorage
    {
        readonly string _folder;

        /// <summary>`folder` like I:\posslot (created when missing).</summary>
        public InternalDriveStorage(string folder)
        {
            _folder = folder;
            try
            {
                if (!Directory.Exists(folder))
                {
                    Directory.CreateDirectory(folder);
                }
            }
            catch (IOException)
            {
                // A missing or unmounted drive shows up as failed reads and writes, which boot reports.
            }
        }

        public byte[] Read(string name)
        {
            string path = Path(name);
            try
            {
                return File.Exists(path) ? File.ReadAllBytes(path) : null;
            }
            catch (IOException)
            {
                return null;
            }
        }

        public bool Write(string name, byte[] data, int length)
        {
            return Put(name, FileMode.Create, data, 0, length);
        }

        public bool Append(string name, byte[] data, int offset, int length)
        {
            return Put(name, FileMode.Append, data, offset, length);
        }

        public bool Delete(string name)
        {
            string path = Path(name);
            try
            {
                if (File.Exists(path))
                {
                    File.Delete(path);
                }
                return true;
            }
            catch (IOException)
            {
                return false;
            }
        }

        bool Put(string name, FileMode mode, byte[] data, int offset, int length)
        {
            FileStream stream = null;
            try
            {
                stream = new FileStream(Path(name), mode);
                stream.Write(data, offset, length);
                stream.Flush();
                return true;
            }
            catch (IOException)
            {
                return false;
            }
            finally
            {
                if (stream != null)
                {
                    stream.Dispose();
                }
            }
        }

        string Path(string name)
        {
            return _folder + "\\" + name;
        }
    }
}
