namespace GiBot.Load;

/// <summary>Nearest-rank percentiles of a set of durations in milliseconds.</summary>
public sealed record Percentiles(int Count, double P50, double P90, double P99, double P999, double Max)
{
    public static Percentiles Of(List<double> values)
    {
        if (values.Count == 0)
        {
            return new Percentiles(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }
        values.Sort();
        double At(double p) => values[Math.Clamp((int)Math.Ceiling(p * values.Count) - 1, 0, values.Count - 1)];
        return new Percentiles(values.Count, At(0.50), At(0.90), At(0.99), At(0.999), values[^1]);
    }
}
