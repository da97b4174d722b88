namespace PosSlot.Firmware.Health
{
    /// <summary>
    /// Every threshold the health analyser uses. Defaults and the reason for each: docs/health.md.
    /// Ratios are against the slot's own learned baseline; rates are fractions of insertions.
    /// </summary>
    public sealed class HealthSettings
    {
        /// <summary>Seated insertions averaged into the baseline before wear is judged.</summary>
        public int BaselineInsertions = 50;

        /// <summary>EWMA weights: wear follows ~16 insertions, seat delay (human speed varies) ~32, rates ~64.</summary>
        public double WearAlpha = 1.0 / 16;
        public double SeatDelayAlpha = 1.0 / 32;
        public double RateAlpha = 1.0 / 64;
        public double ReadAlpha = 1.0 / 64;

        /// <summary>Contact bounce span against baseline (new ~2 ms, end of life ~5 ms).</summary>
        public double SpanWatchRatio = 1.5;
        public double SpanDegradedRatio = 2.0;

        /// <summary>Card-to-card spread of the bounce span (20 %): the EWMA's noise makes the flag rise early.</summary>
        public double ForecastSpanSpread = 0.2;

        /// <summary>
        /// The mean bounce ratio at which the span EWMA first reaches SpanDegradedRatio: its 2.5-sigma
        /// excursions (spread x sqrt(alpha / (2 - alpha))) cross the line before the mean does.
        /// </summary>
        public double ForecastDegradedRatio
        {
            get { return SpanDegradedRatio / (1 + 2.5 * ForecastSpanSpread * System.Math.Sqrt(WearAlpha / (2 - WearAlpha))); }
        }
        public double SpanMinRiseUs = 800;

        /// <summary>Contact bounce edge count against baseline.</summary>
        public double CountWatchRatio = 1.75;
        public double CountDegradedRatio = 2.5;
        public double CountMinRise = 2;

        /// <summary>Detect-to-contact delay against baseline (a fatigued spring seats late).</summary>
        public double SeatDelayWatchRatio = 1.3;
        public double SeatDelayDegradedRatio = 1.6;

        /// <summary>Fraction of insertions that never seat (users half-insert ~1%).</summary>
        public double NeverSeatedWatch = 0.15;
        public double NeverSeatedDegraded = 0.25;
        public double NeverSeatedFailed = 0.5;

        /// <summary>Fraction of seated insertions with a contact interruption.</summary>
        public double InterruptionWatch = 0.06;
        public double InterruptionDegraded = 0.15;
        public double InterruptionFailed = 0.4;

        /// <summary>Fraction of read-attempted insertions with a failed read.</summary>
        public double ReadFailureWatch = 0.08;
        public double ReadFailureDegraded = 0.2;
        public double ReadFailureFailed = 0.6;

        /// <summary>
        /// The failure line: the slot's own payment failures (never seated, interrupted, a transaction
        /// fallback, a reader fault) over the last N insertions. Fallback engages when any window's
        /// share reaches its line: a short window with a high line for a slot failing fast, a long
        /// one with a low line for slow wear (its lag is part of the line). docs/health.md.
        /// </summary>
        public int[] SlotFailureWindows = new int[] { 128, 512, 4096 };
        public double[] SlotFailureLines = new double[] { 0.44, 0.32, 0.20 };

        /// <summary>
        /// A failure rate climbing fast: the first window at this line or above while it stands
        /// SlotFailureRise above the older part of the second window. Slow wear climbs ~0.01 per
        /// 128 cards, far under this rise; a spring giving way in a few hundred cards does not.
        /// </summary>
        public double SlotFailureRiseLine = 0.30;
        public double SlotFailureRise = 0.20;

        /// <summary>Seated cards with an interruption over the last 64: dirt fails payments from one card to the next.</summary>
        public int[] InterruptionWindows = new int[] { 64 };
        public double[] InterruptionLines = new double[] { 0.25 };

        /// <summary>Detect noise or chatter with no card in: a score that decays 1/32 per insertion.</summary>
        public double DetectChatterWatch = 3;
        public double DetectChatterDegraded = 6;
        public double DetectChatterFailed = 12;

        /// <summary>
        /// Cards seen on the contact before (or without) detect, over the last ContactOnlyWindow cards.
        /// One such card is an event, not a flag (a customer can tilt a card onto the contacts);
        /// a switch that misses one card in five is worth a look, most cards is a broken switch.
        /// </summary>
        public int ContactOnlyWindow = 50;
        public int ContactOnlyWatch = 10;
        public int ContactOnlyDegraded = 20;
        public int ContactOnlyFailed = 30;

        /// <summary>
        /// The wear forecast's model of the connector (WearForecast, docs/health.md): bounce grows to
        /// EndRatio x the new slot's at rated life, as u^1.5; slots fail at u in [FailLow, FailHigh]
        /// of rated life. One point per Block seated cards, a line through the last Points (12,000
        /// cards), a trend once MinPoints are in and the speed is MinTrendSigmas standard errors clear.
        /// </summary>
        public double ForecastBounceEndRatio = 2.5;
        public double ForecastFailLow = 1.06;
        public double ForecastFailHigh = 1.09;
        public int ForecastBlock = 500;
        public int ForecastPoints = 24;
        public int ForecastMinPoints = 6;
        public double ForecastMinTrendSigmas = 4;

        /// <summary>Rated insertion cycles of the connector (C&amp;K CCM04 class: 50,000) and the early warning.</summary>
        public long RatedCycles = 50000;
        public double RatedWarnFraction = 0.9;

        /// <summary>A flag clears only once its measure falls below this fraction of the raising threshold...</summary>
        public double ClearRatio = 0.7;

        /// <summary>...and has stayed there this many evaluations (about one rate window), so it does not flap.</summary>
        public int ClearDwell = 64;

        /// <summary>Clean insertions after a cleaning that prove an intermittency or read fault gone.</summary>
        public int ProbationInsertions = 20;

        /// <summary>Failed chip reads on one insertion before the terminal falls back for that transaction (EMV).</summary>
        public int ReadFailuresForTransactionFallback = 2;
    }
}
