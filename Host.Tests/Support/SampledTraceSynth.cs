using System;
using System.Collections.Generic;
using System.Text;

namespace PosSlot.Host.Tests.Support;

/// <summary>
/// Writes a seeded sample CSV of K insertions with realistic bounce (trains up to 6 ms, gaps
/// under 1 ms) and 30 us noise spikes on both lines, and keeps the truth for each insertion.
/// </summary>
public sealed class SampledTraceSynth
{
    public sealed record Truth(long InsertedUs, long SeatedUs, long RemovedUs);

    public List<Truth> Insertions { get; } = new();
    public string Csv { get; }

    public SampledTraceSynth(int count, int seed, long rateHz)
    {
        var rnd = new Random(seed);
        long usPerSample = 1_000_000 / rateHz;
        long totalUs = 300_000 + count * 1_400_000L;
        int samples = (int)(totalUs / usPerSample);
        var detect = new byte[samples];
        var contact = new byte[samples];
        long t = 200_000;
        for (int k = 0; k < count; k++)
        {
            long inserted = t + rnd.Next(0, 50_000);
            long seated = inserted + rnd.Next(60_000, 160_000);
            long contactOpen = seated + rnd.Next(400_000, 700_000);
            long removed = contactOpen + rnd.Next(20_000, 80_000);
            Fill(detect, inserted, removed, 1, usPerSample);
            Fill(contact, seated, contactOpen, 1, usPerSample);
            Bounce(detect, inserted, 0, rnd, usPerSample);
            Bounce(contact, seated, 0, rnd, usPerSample);
            Bounce(contact, contactOpen, 1, rnd, usPerSample);
            Bounce(detect, removed, 1, rnd, usPerSample);
            Insertions.Add(new Truth(inserted, seated, removed));
            t = removed + 300_000;
        }
        // 30 us spikes anywhere, on either line, about one per 20 ms.
        for (long spike = rnd.Next(0, 20_000); spike < totalUs - 100; spike += rnd.Next(5_000, 35_000))
        {
            var line = rnd.Next(2) == 0 ? detect : contact;
            int at = (int)(spike / usPerSample);
            int width = (int)Math.Max(1, 30 / usPerSample);
            for (int i = at; i < at + width && i < samples; i++)
            {
                line[i] ^= 1;
            }
        }
        var csv = new StringBuilder();
        csv.Append("# rate_hz=").Append(rateHz).Append('\n').Append("detect,contact\n");
        for (int i = 0; i < samples; i++)
        {
            csv.Append((char)('0' + detect[i])).Append(',').Append((char)('0' + contact[i])).Append('\n');
        }
        Csv = csv.ToString();
    }

    static void Fill(byte[] line, long fromUs, long toUs, byte level, long usPerSample)
    {
        for (long i = fromUs / usPerSample; i < toUs / usPerSample && i < line.Length; i++)
        {
            line[i] = level;
        }
    }

    /// <summary>A bounce train after an edge at atUs: short returns to the old level within up to 6 ms.</summary>
    static void Bounce(byte[] line, long atUs, byte oldLevel, Random rnd, long usPerSample)
    {
        long spanUs = rnd.Next(500, 6_000);
        long t = atUs + rnd.Next(100, 600);
        while (t < atUs + spanUs)
        {
            long width = rnd.Next(100, 400);
            Fill(line, t, Math.Min(t + width, atUs + spanUs), oldLevel, usPerSample);
            t += width + rnd.Next(100, 900);
        }
    }
}
