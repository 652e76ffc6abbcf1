using System.Buffers;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using GiBot.Localization;
using GiBot.Measures;
using GiBot.Measures.Answers;
using GiBot.Measures.Questions;
using GiBot.Measures.Registry;
using GiBot.Protocol.Hosting;
using GiBot.Protocol.Schema;
using GiBot.Protocol.Turns;
using Microsoft.Extensions.Configuration;

namespace GiBot.Bench;

/// <summary>
/// The JSON of one turn: reading the Teams personal-chat message the load tool sends, and writing the
/// measure-8 reply the bot sends back. The plain System.Text.Json calls are the reference.
/// </summary>
[MemoryDiagnoser]
public class TurnJsonBenchmarks
{
    private ReadOnlySequence<byte> _body;
    private Activity _inbound = null!;
    private OutgoingMessage _answer = null!;
    private Activity _reply = null!;
    private Activity _unfrozenReply = null!;

    [GlobalSetup]
    public void Setup()
    {
        var json = """
            {"type":"message","id":"load-000000123","timestamp":"2026-11-30T05:00:00.1234567Z","localTimestamp":"2026-11-30T05:00:00.1234567Z","serviceUrl":"http://127.0.0.1:40123/","channelId":"msteams","from":{"id":"29:load-user-7","name":"Load User 7","aadObjectId":"00000000-0000-0000-0000-000000000007"},"conversation":{"conversationType":"personal","tenantId":"00000000-0000-0000-0000-0000000e7a47","id":"a:load-conversation-7"},"recipient":{"id":"28:00000000-0000-0000-0000-0000000b0a70","name":"GiBot"},"textFormat":"plain","locale":"en-US","text":"who is responsible for measure 8","entities":[{"type":"clientInfo","locale":"en-US","country":"US","platform":"Web","timezone":"Asia/Shanghai"}],"channelData":{"tenant":{"id":"00000000-0000-0000-0000-0000000e7a47"}}}
            """;
        _body = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(json));
        _inbound = ActivityBodyReader.Parse(_body)!;

        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .Build();
        var registry = MeasureRegistry.Load(CountyBureausConfiguration.Read(configuration));
        var answerer = new MeasureAnswerer(new MeasureQueryParser(registry), new MeasureReplies(registry));
        _answer = answerer.Answer("who is responsible for measure 8", Language.English)!;
        _reply = CreateReply(_answer);
        _unfrozenReply = CreateReply(_answer with { }); // a copy is not frozen: its text is escaped on every write
    }

    private Activity CreateReply(OutgoingMessage answer)
    {
        var reply = MessageActivityFactory.Create(answer, _inbound.Conversation!, _inbound.Recipient);
        reply.ReplyToId = _inbound.Id;
        return reply;
    }

    [Benchmark(Baseline = true, Description = "read: JsonSerializer.Deserialize (reference)")]
    public Activity? ReadReference()
    {
        var reader = new Utf8JsonReader(_body, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        return JsonSerializer.Deserialize(ref reader, ProtocolJson.Default.Activity);
    }

    [Benchmark(Description = "read: ActivityBodyReader.Parse")]
    public Activity? Read() => ActivityBodyReader.Parse(_body);

    [Benchmark(Description = "write: JsonSerializer.SerializeToUtf8Bytes (reference)")]
    public byte[] WriteReference() => JsonSerializer.SerializeToUtf8Bytes(_reply, ProtocolJson.Wire.Activity);

    [Benchmark(Description = "write: as the connector does")]
    public byte[] Write() => ActivityWriter.ToUtf8Bytes(_reply);

    [Benchmark(Description = "write: as the connector does, text not pre-encoded")]
    public byte[] WriteUnfrozen() => ActivityWriter.ToUtf8Bytes(_unfrozenReply);

    [Benchmark(Description = "reply: MessageActivityFactory.Create + write")]
    public byte[] CreateAndWrite() => ActivityWriter.ToUtf8Bytes(CreateReply(_answer));
}
