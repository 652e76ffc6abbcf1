using BenchmarkDotNet.Attributes;
using GiBot.Localization;
using GiBot.Measures;
using GiBot.Measures.Answers;
using GiBot.Measures.Questions;
using GiBot.Measures.Registry;
using GiBot.Protocol.Turns;
using Microsoft.Extensions.Configuration;

namespace GiBot.Bench;

/// <summary>
/// One question answered end to end without the network: parse, look up, fill the card template and
/// write the text. The budget is 50 µs per answer.
/// </summary>
[MemoryDiagnoser]
public class AnswerBenchmarks
{
    private MeasureAnswerer _answerer = null!;
    private MeasureQueryParser _parser = null!;

    [GlobalSetup]
    public void Setup()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .Build();
        var registry = MeasureRegistry.Load(CountyBureausConfiguration.Read(configuration));
        _parser = new MeasureQueryParser(registry);
        _answerer = new MeasureAnswerer(_parser, new MeasureReplies(registry));
        // Card templates load once per process; the first answer pays for it, not the measurement.
        _answerer.Answer("第八项措施谁负责", Language.Chinese);
    }

    [Benchmark(Baseline = true, Description = "第八项措施谁负责 → card")]
    public OutgoingMessage? MeasureChinese() => _answerer.Answer("第八项措施谁负责", Language.Chinese);

    [Benchmark(Description = "who is responsible for measure 8 → card")]
    public OutgoingMessage? MeasureEnglish() => _answerer.Answer("who is responsible for measure 8", Language.English);

    [Benchmark(Description = "执法稽查科负责哪些措施 → list card")]
    public OutgoingMessage? Unit() => _answerer.Answer("执法稽查科负责哪些措施", Language.Chinese);

    [Benchmark(Description = "当阳峪绞胎瓷 → keyword list card")]
    public OutgoingMessage? Keyword() => _answerer.Answer("当阳峪绞胎瓷", Language.Chinese);

    [Benchmark(Description = "（八） → item card")]
    public OutgoingMessage? Item() => _answerer.Answer("（八）", Language.Chinese);

    [Benchmark(Description = "今天天气怎么样 → not understood")]
    public OutgoingMessage? Nonsense() => _answerer.Answer("今天天气怎么样", Language.Chinese);

    [Benchmark(Description = "parse only: 第八项措施谁负责")]
    public MeasureQuery Parse() => _parser.Parse("第八项措施谁负责");
}
