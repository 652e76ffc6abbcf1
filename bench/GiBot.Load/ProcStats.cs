using System.Globalization;
using System.Runtime.InteropServices;

namespace GiBot.Load;

/// <summary>CPU time and memory of a process and of the whole machine, from Linux's /proc.</summary>
public static partial class ProcStats
{
    private const int ClockTicksName = 2; // _SC_CLK_TCK

    private static readonly double TicksPerSecond = Math.Max(1, sysconf(ClockTicksName));

    /// <summary>User + system CPU time the process has used so far (10 ms resolution on most kernels).</summary>
    public static TimeSpan CpuTime(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The command name may hold spaces and parentheses; fields after it are fixed.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    /// <summary>A <c>/proc/{pid}/status</c> size field such as VmHWM (peak resident set) in bytes, or 0.</summary>
    public static long StatusBytes(int pid, string field)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                var kb = line[(field.Length + 1)..].Trim().Split(' ')[0];
                return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
            }
        }
        return 0;
    }

    /// <summary>Busy and total CPU time of the whole machine (all cores) from the first line of /proc/stat.</summary>
    public static (TimeSpan Busy, TimeSpan Total) MachineCpu()
    {
        var line = File.ReadLines("/proc/stat").First();
        var values = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        // user nice system idle iowait irq softirq steal guest guest_nice; guest time is already in user.
        var total = values.Take(8).Sum();
        var idle = values[3] + values[4];
        return (TimeSpan.FromSeconds((total - idle) / TicksPerSecond), TimeSpan.FromSeconds(total / TicksPerSecond));
    }

    public static string LoadAverage() => File.ReadAllText("/proc/loadavg").Trim();

    [LibraryImport("libc", SetLastError = false)]
    private static partial long sysconf(int name);
}
