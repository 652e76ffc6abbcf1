using System.Diagnostics;
using System.Runtime.InteropServices;

namespace GiBot.Load;

/// <summary>
/// Sleeps until a <see cref="Stopwatch"/> timestamp with sub-millisecond precision
/// (<c>clock_nanosleep</c> on CLOCK_MONOTONIC with an absolute deadline), without spinning:
/// a spinning generator would steal the CPU the bot is being measured on.
/// </summary>
public static partial class PreciseClock
{
    private const int ClockMonotonic = 1;
    private const int TimerAbsolute = 1;

    private static readonly long OffsetNanoseconds = MonotonicNow() - ToNanoseconds(Stopwatch.GetTimestamp());

    public static void SleepUntil(long timestamp)
    {
        var deadline = ToNanoseconds(timestamp) + OffsetNanoseconds;
        var spec = new TimeSpec { Seconds = deadline / 1_000_000_000, Nanoseconds = deadline % 1_000_000_000 };
        // EINTR (a signal) just wakes early; the caller checks the time anyway.
        _ = clock_nanosleep(ClockMonotonic, TimerAbsolute, in spec, IntPtr.Zero);
    }

    public static long ToNanoseconds(long ticks) => (long)(ticks * (1_000_000_000.0 / Stopwatch.Frequency));

    public static long FromSeconds(double seconds) => (long)(seconds * Stopwatch.Frequency);

    public static double ToMilliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    private static long MonotonicNow()
    {
        _ = clock_gettime(ClockMonotonic, out var now);
        return now.Seconds * 1_000_000_000 + now.Nanoseconds;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc")]
    private static partial int clock_nanosleep(int clock, int flags, in TimeSpec request, IntPtr remaining);

    [LibraryImport("libc")]
    private static partial int clock_gettime(int clock, out TimeSpec time);
}
