using System.Text;
using System.Text.Json;
using GiBot.Protocol.Turns;
using GiBot.Relay;
using GiBot.Roster;
using GiBot.Storage;

namespace GiBot.Reminders.Sending;

/// <summary>
/// Tells admins, in one message per scheduler run, who could not be reminded because the bot has no chat
/// with them, and how to fix it. Each person is named once (remembered in the settings store) until reached.
/// </summary>
public sealed class UnreachableNotice(IBotSettingsStore settings, IRosterDirectory roster, PersonalNotifier notifier)
{
    public const string Key = "reminders.unreachable";

    public async Task TellAsync(IReadOnlyCollection<RosterPerson> unreachable, CancellationToken cancellationToken)
    {
        var stored = await settings.GetAsync(Key, cancellationToken);
        var known = stored is null ? [] : JsonSerializer.Deserialize(stored.Value, ReminderJson.Default.ListString) ?? [];
        var fresh = unreachable.DistinctBy(p => p.AadObjectId).Where(p => !known.Contains(p.AadObjectId)).ToArray();
        if (fresh.Length == 0)
        {
            return;
        }
        var text = new StringBuilder($"以下 {fresh.Length} 人未能收到进展汇报提醒，因为他们还没有安装 GiBot（机器人无法主动给未安装的人发消息）：\n\n");
        foreach (var person in fresh)
        {
            text.Append($"- {person.Name ?? person.Email ?? person.AadObjectId}（{string.Join("、", person.UnitIds)}）\n");
        }
        text.Append("\n处理方法：请本人在 Teams 中搜索并添加 GiBot 应用、给它发一条消息；或由 Teams 管理员在 Teams 管理中心为他们安装 GiBot（设置策略 → 安装的应用）。安装后下次提醒会自动送达。");
        var message = new OutgoingMessage(text.ToString());
        var told = 0;
        foreach (var admin in await roster.AdminsAsync(cancellationToken))
        {
            if (await notifier.TellAsync(admin.AadObjectId, message, cancellationToken))
            {
                told++;
            }
        }
        if (told > 0)
        {
            var all = known.Concat(fresh.Select(p => p.AadObjectId)).Distinct(StringComparer.Ordinal).ToList();
            await settings.SetAsync(Key, JsonSerializer.Serialize(all, ReminderJson.Default.ListString), cancellationToken);
        }
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(List<string>))]
internal sealed partial class ReminderJson : System.Text.Json.Serialization.JsonSerializerContext;
