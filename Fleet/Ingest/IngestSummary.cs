using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace PosSlot.Fleet.Ingest;

/// <summary>What an ingester did: messages stored, duplicates (nothing new), dropped by reason.</summary>
public sealed class IngestSummary
{
    private readonly Lock gate = new();
    private readonly SortedDictionary<string, long> dropped = new(System.StringComparer.Ordinal);

    public long Stored { get; private set; }
    public long Duplicates { get; private set; }

    public IReadOnlyDictionary<string, long> Dropped
    {
        get
        {
            lock (gate)
            {
                return new SortedDictionary<string, long>(dropped, System.StringComparer.Ordinal);
            }
        }
    }

    public long Received
    {
        get
        {
            lock (gate)
            {
                return Stored + Duplicates + dropped.Values.Sum();
            }
        }
    }

    internal void Add(Store.StoreItem item, Store.StoreOutcome outcome)
    {
        lock (gate)
        {
            switch (outcome)
            {
                case Store.StoreOutcome.Stored:
                    Stored++;
                    break;
                case Store.StoreOutcome.Duplicate:
                    Duplicates++;
                    break;
                default:
                    var reason = ((Store.DropRecord)item).Reason;
                    dropped[reason] = dropped.GetValueOrDefault(reason) + 1;
                    break;
            }
        }
    }

    /// <summary>One line: "stored 1200, duplicates 3, dropped 2 (oversized 1, wrong_serial 1)".</summary>
    public override string ToString()
    {
        var d = Dropped;
        var detail = d.Count == 0 ? "" : " (" + string.Join(", ", d.Select(kv => $"{kv.Key} {kv.Value}")) + ")";
        return $"stored {Stored}, duplicates {Duplicates}, dropped {d.Values.Sum()}{detail}";
    }
}
