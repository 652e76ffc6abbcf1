using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// In-process and short: the machine is shared, and the figure only has to show the order of magnitude.
var config = DefaultConfig.Instance
    .AddJob(Job.ShortRun.WithWarmupCount(5).WithIterationCount(10).WithToolchain(InProcessEmitToolchain.Instance))
    .WithOptions(ConfigOptions.DisableOptimizationsValidator);
BenchmarkSwitcher.FromAssembly(typeof(GiBot.Bench.AnswerBenchmarks).Assembly).Run(args, config);
