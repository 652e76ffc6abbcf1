using GiBot.Load;

// Load benchmark for GiBot end to end with authentication on; see docs/benchmarks.md.
LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

var report = await TurnsBenchmark.RunAsync(options, RepositoryRoot.Find(), Console.Error);
Console.Out.Write(options.Json ? report.ToJson() + "\n" : report.ToTable());
if (options.JsonFile is { } path)
{
    await File.WriteAllTextAsync(path, report.ToJson() + "\n");
}
return 0;
