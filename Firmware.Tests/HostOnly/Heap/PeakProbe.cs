using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using PosSlot.Firmware.Tests.Support;

namespace PosSlot.Firmware.Tests.HostOnly.Heap
{
    /// <summary>
    /// Samples the nanoFramework size of what a test keeps alive (the roots the rigs register, while
    /// they are still reachable, plus the checkpoint's transient) and keeps the largest. Only the
    /// installing thread is watched. A candidate peak is confirmed after a full collection, so an
    /// object the test has dropped is not counted; nanoCLR would have collected it too.
    /// </summary>
    public sealed class PeakProbe : IHeapProbe
    {
        readonly int _thread = Environment.CurrentManagedThreadId;
        readonly List<WeakReference> _roots = new List<WeakReference>();
        readonly int _stride;
        long _calls;

        public PeakProbe(int stride)
        {
            _stride = stride;
        }

        /// <summary>The largest confirmed estimate, in bytes.</summary>
        public long Peak { get; private set; }

        /// <summary>Bytes per type at the peak (what to look at when a budget breaks).</summary>
        public IReadOnlyDictionary<string, long> PeakByType { get; private set; } = new Dictionary<string, long>();

        public long Samples { get; private set; }

        public void Root(object root)
        {
            if (Environment.CurrentManagedThreadId == _thread)
            {
                _roots.Add(new WeakReference(root));
            }
        }

        public void Checkpoint(object transient)
        {
            // The first few always (a short test has only a few), then one in `stride`.
            if (Environment.CurrentManagedThreadId == _thread && (++_calls <= _stride || _calls % _stride == 0))
            {
                Sample(transient);
            }
        }

        /// <summary>Estimates now; a new peak is re-measured after a collection before it counts.</summary>
        public void Sample(object transient)
        {
            Samples++;
            if (CandidateBytes(transient) <= Peak)
            {
                return;
            }
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var confirmed = Estimate(transient);
            if (confirmed.Bytes > Peak)
            {
                Peak = confirmed.Bytes;
                PeakByType = new Dictionary<string, long>(confirmed.ByType);
            }
        }

        /// <summary>Its own frame, so the estimator's set of everything it saw is gone before the collection.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        long CandidateBytes(object transient) => Estimate(transient).Bytes;

        NanoHeapEstimator Estimate(object transient)
        {
            var e = new NanoHeapEstimator();
            _roots.RemoveAll(r => !r.IsAlive);
            foreach (var r in _roots)
            {
                var target = r.Target;
                if (target != null)
                {
                    e.Add(target);
                }
            }
            if (transient != null)
            {
                e.Add(transient);
            }
            return e;
        }
    }
}
