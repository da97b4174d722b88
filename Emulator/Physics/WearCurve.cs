using System;
using PosSlot.Emulator.Scenarios;

namespace PosSlot.Emulator.Physics;

/// <summary>The slot's condition at a point of its life (u = fraction of rated cycles used).</summary>
public sealed class WearCurve(WearModel model, long ratedCycles)
{
    /// <summary>A slot that fails this share of payments (card not seated, contact lost, both reads failed) has failed.</summary>
    public const double FailureShare = 0.3;

    public double LifeFraction(long insertion) =>
        model.Enabled ? model.StartFraction + (double)insertion / ratedCycles * model.LifeScale : model.StartFraction;

    /// <summary>Wear grows until 1.5x rated life and then holds: past that the model has no data to extrapolate.</summary>
    const double WearCap = 1.5;

    public double BounceSpanUs(double u) =>
        model.BounceNewUs + (model.BounceEndUs - model.BounceNewUs) * Math.Pow(Math.Min(u, WearCap), 1.5);

    public double BounceEdges(double u) => model.EdgesNew + (model.EdgesEnd - model.EdgesNew) * Math.Min(u, WearCap);

    public double SeatDelayFactor(double u) => 1 + model.SeatDelayGrowth * Math.Min(u, WearCap) * Math.Min(u, WearCap);

    /// <summary>Chance that the fatigued spring does not seat a card at all.</summary>
    public double NeverSeats(double u)
    {
        if (u <= model.SpringFailStart)
        {
            return 0;
        }
        double x = (u - model.SpringFailStart) / model.SpringFailWidth;
        return Math.Min(0.95, 0.8 * x * x);
    }

    /// <summary>Chance of a fretting micro-interruption under a seated card.</summary>
    public double Fretting(double u) => model.InterruptionsAtEnd * Math.Clamp((u - 0.8) / 0.2, 0, 2);
}
