#if NETCOREAPP
// Host builds (the emulator links this file) have nullable checks on; nanoFramework has no annotations.
#nullable disable
#endif
using System.Collections;
using PosSlot.Firmware.Persistence;

namespace PosSlot.Firmware.Tests.Support
{
    /// <summary>Thrown by SimulatedFlash when its armed power cut strikes: the firmware is gone mid-call.</summary>
    public sealed class PowerCutException : System.Exception
    {
        public PowerCutException() : base("power cut")
        {
        }
    }

    /// <summary>
    /// A LittleFS-like file store in RAM for the host and the tests (nanoFramework-clean, so the
    /// single-source tests use it on the device emulator too). It models what a power cut and a
    /// worn drive do to the firmware's files:
    /// - a power cut armed at a byte of the write stream tears the write there: a replaced file
    ///   keeps only the new bytes written so far, an append only its first part; then it throws;
    /// - files can be truncated, bit-flipped or removed, the drive reformatted or filled;
    /// - wear is counted as LittleFS spends it: the drive is a log, each write programs its bytes
    ///   plus a metadata commit at the head, and a 4 KB block is erased whenever the head enters one.
    /// </summary>
    public sealed class SimulatedFlash : IStateStorage
    {
        public const int BlockSize = 4096;

        /// <summary>Bytes of metadata each write, append or delete commits (LittleFS's tag and CTZ/inline pointer).</summary>
        public const int MetadataCommitBytes = 16;

        readonly Hashtable _files = new Hashtable();
        readonly long _capacity;
        long _cutAt = -1;
        long _head;

        public SimulatedFlash(long capacityBytes)
        {
            _capacity = capacityBytes;
        }

        /// <summary>A 256 KB drive, as on a 4 MB-flash ESP32 board.</summary>
        public static SimulatedFlash Board()
        {
            return new SimulatedFlash(256 * 1024);
        }

        /// <summary>File data bytes written since the drive was made (the write stream a cut is armed on).</summary>
        public long BytesWritten;

        /// <summary>Bytes programmed including metadata commits, and 4 KB blocks erased (the log model above).</summary>
        public long BytesProgrammed;
        public long BlocksErased;

        /// <summary>
        /// Blocks erased as LittleFS 2.x really spends them (its issues #581, #862, #905): a synced
        /// append to a file larger than the inline limit copies the file's partly filled last block
        /// to a freshly erased one; a file up to the limit lives in its directory's metadata log,
        /// each write committing the whole file there (a 4 KB log block erased as it fills); a
        /// whole-file write erases the blocks it fills. The firmware flushes every write.
        /// </summary>
        public long LittleFsBlocksErased;

        /// <summary>LittleFS's inline limit: block_size / 8 at most (cache_size can lower it).</summary>
        public const int InlineMax = BlockSize / 8;

        long _metadataLog;

        /// <summary>When set, every write and append fails (a full or failing drive).</summary>
        public bool Full;

        /// <summary>Cuts the power once BytesWritten reaches this count (during the write that crosses it).</summary>
        public void ArmCutAt(long bytesWritten)
        {
            _cutAt = bytesWritten;
        }

        public bool CutArmed { get { return _cutAt >= 0; } }

        /// <summary>The file the last power cut tore (null if none yet).</summary>
        public string LastCutFile;

        /// <summary>Power is back: the cut is spent.</summary>
        public void PowerRestored()
        {
            _cutAt = -1;
        }

        /// <summary>What provisioning writes on a new board (flash.ps1 deploys the same file).</summary>
        public void Provision()
        {
            _files[StoreFiles.NewBoardMarker] = new byte[] { 1 };
        }

        public bool Exists(string name)
        {
            return _files.Contains(name);
        }

        public int Length(string name)
        {
            byte[] data = (byte[])_files[name];
            return data == null ? -1 : data.Length;
        }

        public void Truncate(string name, int length)
        {
            byte[] data = (byte[])_files[name];
            _files[name] = Slice(data, 0, length);
        }

        public void FlipBit(string name, int bit)
        {
            byte[] data = (byte[])_files[name];
            data[bit / 8] ^= (byte)(1 << (bit % 8));
        }

        public void Put(string name, byte[] data)
        {
            _files[name] = Slice(data, 0, data.Length);
        }

        /// <summary>The drive failed to mount and was formatted: everything is gone.</summary>
        public void Reformat()
        {
            _files.Clear();
        }

        /// <summary>An independent copy of the drive as it stands (files only; counters start at 0).</summary>
        public SimulatedFlash Clone()
        {
            SimulatedFlash copy = new SimulatedFlash(_capacity);
            foreach (object name in _files.Keys)
            {
                byte[] data = (byte[])_files[name];
                copy._files[name] = Slice(data, 0, data.Length);
            }
            return copy;
        }

        public byte[] Read(string name)
        {
            byte[] data = (byte[])_files[name];
            return data == null ? null : Slice(data, 0, data.Length);
        }

        public bool Write(string name, byte[] data, int length)
        {
            if (Full || Used() - Length0(name) + length > _capacity)
            {
                return false;
            }
            int n = Allowed(length);
            _files[name] = Slice(data, 0, n);
            Spend(n);
            LittleFsWrite(n);
            Strike(name, n, length);
            return true;
        }

        public bool Append(string name, byte[] data, int offset, int length)
        {
            if (Full || Used() + length > _capacity)
            {
                return false;
            }
            int n = Allowed(length);
            byte[] old = (byte[])_files[name];
            int oldLength = old == null ? 0 : old.Length;
            byte[] grown = new byte[oldLength + n];
            if (old != null)
            {
                System.Array.Copy(old, grown, oldLength);
            }
            System.Array.Copy(data, offset, grown, oldLength, n);
            _files[name] = grown;
            Spend(n);
            LittleFsAppend(oldLength, grown.Length);
            Strike(name, n, length);
            return true;
        }

        public bool Delete(string name)
        {
            if (_files.Contains(name))
            {
                _files.Remove(name);
                Spend(0);
                Commit(0);
            }
            return true;
        }

        /// <summary>How much of a write of `length` bytes lands before an armed cut.</summary>
        int Allowed(int length)
        {
            if (_cutAt < 0 || BytesWritten + length <= _cutAt)
            {
                return length;
            }
            return (int)(_cutAt - BytesWritten);
        }

        void Strike(string name, int written, int length)
        {
            // A write cut part-way is torn; one that ends exactly at the mark lands, and the power goes right after.
            if (_cutAt >= 0 && (written < length || BytesWritten >= _cutAt))
            {
                LastCutFile = name;
                throw new PowerCutException();
            }
        }

        void Spend(int dataBytes)
        {
            BytesWritten += dataBytes;
            long programmed = dataBytes + MetadataCommitBytes;
            long before = _head / BlockSize;
            _head += programmed;
            BytesProgrammed += programmed;
            BlocksErased += _head / BlockSize - before;
        }

        void LittleFsWrite(int size)
        {
            if (size <= InlineMax)
            {
                Commit(size);
                return;
            }
            LittleFsBlocksErased += (size + BlockSize - 1) / BlockSize;
            Commit(0);
        }

        void LittleFsAppend(int oldSize, int newSize)
        {
            if (newSize <= InlineMax)
            {
                Commit(newSize);
                return;
            }
            // Outlined: the last block is rewritten from its start, plus any new blocks the append fills.
            int firstTouched = oldSize / BlockSize;
            int lastTouched = (newSize - 1) / BlockSize;
            LittleFsBlocksErased += lastTouched - firstTouched + 1;
            Commit(0);
        }

        /// <summary>
        /// A metadata commit: tags plus any inline data. When the log block fills, LittleFS compacts:
        /// it erases the pair's other block and rewrites the live metadata there (the inline files'
        /// data with their tags); a directory whose live data passes half a block is split over more
        /// pairs, so a compaction rewrites at most half a block.
        /// </summary>
        void Commit(int inlineBytes)
        {
            _metadataLog += MetadataCommitBytes + inlineBytes;
            while (_metadataLog >= BlockSize)
            {
                LittleFsBlocksErased++;
                long live = LiveInline();
                _metadataLog = (live < BlockSize / 2 ? live : BlockSize / 2) + _metadataLog - BlockSize;
            }
        }

        long LiveInline()
        {
            long live = 0;
            foreach (object data in _files.Values)
            {
                int length = ((byte[])data).Length;
                if (length <= InlineMax)
                {
                    live += length + MetadataCommitBytes;
                }
            }
            return live;
        }

        long Used()
        {
            long used = 0;
            foreach (object data in _files.Values)
            {
                used += ((byte[])data).Length;
            }
            return used;
        }

        long Length0(string name)
        {
            byte[] data = (byte[])_files[name];
            return data == null ? 0 : data.Length;
        }

        static byte[] Slice(byte[] data, int offset, int length)
        {
            byte[] copy = new byte[length];
            System.Array.Copy(data, offset, copy, 0, length);
            return copy;
        }
    }
}
