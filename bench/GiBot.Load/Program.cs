using GiBot.Load;

// Load benchmarks for GiBot; see docs/benchmarks.md.
if (args.Length > 0 && args[0] == "fanout")
{
    FanoutOptions fanout;
    try
    {
        fanout = FanoutOptions.Parse(args);
    }
    catch (Exception e) when (e is ArgumentException or FormatException)
    {
        Console.Error.WriteLine(e.Message);
        Console.Error.WriteLine(FanoutOptions.Usage);
        return 2;
    }
    var result = await FanoutBenchmark.RunAsync(fanout, RepositoryRoot.Find(), Console.Error);
    Console.Out.Write(fanout.Json ? result.ToJson() + "\n" : result.ToTable());
    return 0;
}

LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(LoadOptions.Usage);
    Console.Error.WriteLine(FanoutOptions.Usage);
    return 2;
}

var report = await TurnsBenchmark.RunAsync(options, RepositoryRoot.Find(), Console.Error);
Console.Out.Write(options.Json ? report.ToJson() + "\n" : report.ToTable());
if (options.JsonFile is { } path)
{
    await File.WriteAllTextAsync(path, report.ToJson() + "\n");
}
return 0;
