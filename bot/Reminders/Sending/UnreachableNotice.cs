using System.Text;
using System.Text.Json;
using GiBot.Localization;
using GiBot.Protocol.Turns;
using GiBot.Relay;
using GiBot.Roster;
using GiBot.Storage;

namespace GiBot.Reminders.Sending;

/// <summary>
/// Tells admins, in one message per scheduler run, who could not be reminded because the bot has no chat
/// with them, and whose chat Teams refused a reminder for good in this run (<see cref="RefusedChat"/>: they removed or
/// blocked GiBot), and how to fix it, each admin in the language they last used. Each person without a chat is named
/// once (remembered in the settings store). A refusal is news even about someone named before (they had installed GiBot
/// since), so it is always told, in the run it happens: that is once per removal, as the refused chat is marked removed
/// and not tried again until they write to GiBot. They then count as named, so the rungs after it do not name them again.
/// </summary>
public sealed class UnreachableNotice(IBotSettingsStore settings, IRosterDirectory roster, ReminderRecipients recipients, PersonalNotifier notifier)
{
    public const string Key = "reminders.unreachable";

    public async Task TellAsync(IReadOnlyCollection<RosterPerson> unreachable, IReadOnlyCollection<RefusedChat> refused, CancellationToken cancellationToken)
    {
        // Claim the people first (compare-and-set on the stored list), so two instances running the
        // scheduler at the same moment cannot both name the same person.
        var claim = await ClaimAsync(unreachable, refused, cancellationToken);
        if (claim is null)
        {
            return;
        }
        var told = 0;
        foreach (var admin in await roster.AdminsAsync(cancellationToken))
        {
            var language = await recipients.LanguageOfAsync(admin.AadObjectId, cancellationToken);
            var parts = new List<string>();
            if (claim.Fresh.Count > 0)
            {
                parts.Add(Text(claim.Fresh, language));
            }
            if (claim.Refused.Count > 0)
            {
                parts.Add(RefusedChatText.Text(claim.Refused, language));
            }
            var message = new OutgoingMessage(string.Join("\n\n", parts));
            if (await notifier.TellAsync(admin.AadObjectId, message, cancellationToken))
            {
                told++;
            }
        }
        if (told == 0)
        {
            // Nobody heard it: give the claim back so a later run tries again. If someone else changed the
            // list meanwhile, their write stands and these people count as told.
            await settings.TrySetAsync(Key, Serialize(claim.Before), claim.Version, cancellationToken);
        }
    }

    private sealed record Claim(IReadOnlyList<RosterPerson> Fresh, IReadOnlyList<RefusedChat> Refused, List<string> Before, int Version);

    private async Task<Claim?> ClaimAsync(IReadOnlyCollection<RosterPerson> unreachable, IReadOnlyCollection<RefusedChat> refused, CancellationToken cancellationToken)
    {
        var told = refused.DistinctBy(r => r.Person.AadObjectId).ToArray();
        var refusedIds = told.Select(r => r.Person.AadObjectId).ToHashSet(StringComparer.Ordinal);
        while (true)
        {
            var stored = await settings.GetAsync(Key, cancellationToken);
            var known = stored is null ? [] : JsonSerializer.Deserialize(stored.Value, ReminderJson.Default.ListString) ?? [];
            // Someone refused in this run and then found without a chat for a later rung of it is named once, as refused.
            var fresh = unreachable.DistinctBy(p => p.AadObjectId).Where(p => !known.Contains(p.AadObjectId) && !refusedIds.Contains(p.AadObjectId)).ToArray();
            if (fresh.Length == 0 && told.Length == 0)
            {
                return null;
            }
            var all = known.Concat(fresh.Select(p => p.AadObjectId)).Concat(refusedIds).Distinct(StringComparer.Ordinal).ToList();
            var expected = stored?.Version ?? 0;
            if (await settings.TrySetAsync(Key, Serialize(all), expected, cancellationToken))
            {
                return new Claim(fresh, told, known, expected + 1);
            }
        }
    }

    private static string Serialize(List<string> ids) => JsonSerializer.Serialize(ids, ReminderJson.Default.ListString);

    private static string Text(IReadOnlyList<RosterPerson> fresh, Language language)
    {
        var text = new StringBuilder(language.Pick(
            $"以下 {fresh.Count} 人未能收到进展汇报提醒，因为他们还没有安装 GiBot（机器人无法主动给未安装的人发消息）：\n\n",
            $"{fresh.Count} people did not get their progress update reminder because they have not installed GiBot (the bot cannot message someone who has not):\n\n"));
        foreach (var person in fresh)
        {
            text.Append($"- {MarkdownText.Literal(RosterDirectory.DisplayName(person))}（{string.Join(language.Pick("、", ", "), person.UnitIds)}）\n");
        }
        text.Append(language.Pick(
            "\n处理方法：请本人在 Teams 中搜索并添加 GiBot 应用、给它发一条消息；或由 Teams 管理员在 Teams 管理中心为他们安装 GiBot（设置策略 → 安装的应用）。安装后下次提醒会自动送达。",
            "\nHow to fix it: ask them to find and add the GiBot app in Teams and send it a message, or have a Teams administrator install GiBot for them in the Teams admin center (setup policies → installed apps). The next reminder then reaches them."));
        return text.ToString();
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(List<string>))]
internal sealed partial class ReminderJson : System.Text.Json.Serialization.JsonSerializerContext;
