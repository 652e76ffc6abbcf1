using GiBot.Localization;
using GiBot.Measures.Registry;
using GiBot.Protocol.Turns;
using GiBot.Relay;
using GiBot.Reminders.Schedule;
using GiBot.Roster;
using GiBot.Storage;

namespace GiBot.Updates;

/// <summary>
/// The steps of the update card dialog: start or continue, preview, edit, submit, cancel, correct.
/// Every step stores the draft first, so a restart or another device continues from the last step.
/// </summary>
public sealed class UpdateDialog(
    MeasureRegistry registry,
    UpdateOptions options,
    UpdateCards cards,
    UpdateValidator validator,
    IProgressUpdateStore updates,
    IDialogDraftStore drafts,
    IRosterDirectory roster,
    IReportingSchedule schedule,
    TimeProvider time)
{
    /// <summary>One dialog per person: a new start offers to continue the stored draft first.</summary>
    public const string DraftScope = "update";

    /// <param name="unit">A reminder's unit: chosen on the card when the caller may report for it.</param>
    /// <param name="period">A reminder's period: taken when it is one of the measure's and due, overdue or near.</param>
    public async Task<UpdateReply> StartAsync(TurnContext turn, int? measure, bool ignoreDraft, CancellationToken cancellationToken,
        string? unit = null, string? period = null)
    {
        var language = turn.Language;
        var (caller, refusal) = await UpdateCaller.IdentifyAsync(turn, roster, UpdateAsk.Report, cancellationToken);
        if (caller is null)
        {
            return Say(refusal!);
        }
        if (measure is { } n && caller.MeasureRefusal(n, registry, language) is { } notYours)
        {
            return Say(notYours);
        }
        if (caller.Reportable.Count == 0)
        {
            return Say(caller.NothingToReport(registry, language));
        }
        if (!ignoreDraft && await LoadAsync(caller, cancellationToken) is { SubmittedUpdateId: null } open)
        {
            return OfferToContinue(open, measure, unit, period, language);
        }
        var draft = new UpdateDraft
        {
            DraftId = Guid.NewGuid().ToString("N"),
            Lang = language.Tag(),
            Measure = measure?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            MeasurePreset = measure is not null,
            Period = measure is { } m && period is not null && schedule.Find(m, period) is { } named && named.IsReportableAt(time.GetUtcNow())
                ? named.Period : PeriodFor(measure),
            UnitId = unit is not null && caller.UnitsFor(measure).Contains(unit) ? unit : null,
        };
        draft = WithSingleOptions(draft, caller);
        await SaveAsync(caller, draft, cancellationToken);
        return Form(draft, caller, new Dictionary<string, string>(), language, replaces: false);
    }

    public async Task<UpdateReply> ResumeAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        var (caller, refusal) = await UpdateCaller.IdentifyAsync(turn, roster, UpdateAsk.Report, cancellationToken);
        if (caller is null)
        {
            return Say(refusal!);
        }
        var draft = await LoadAsync(caller, cancellationToken);
        if (draft is null || draft.SubmittedUpdateId is not null || draft.DraftId != action.Get(UpdateVerbs.DraftIdKey))
        {
            return Expired(turn.Language);
        }
        return Form(draft, caller, new Dictionary<string, string>(), turn.Language, replaces: true);
    }

    public async Task<UpdateReply> PreviewAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        var (caller, refusal) = await UpdateCaller.IdentifyAsync(turn, roster, UpdateAsk.Report, cancellationToken);
        if (caller is null)
        {
            return Say(refusal!);
        }
        if (await OpenDraftAsync(caller, action, cancellationToken) is not { } stored)
        {
            return await ExpiredOrReceiptAsync(caller, action, language, cancellationToken);
        }
        var draft = stored.WithInputs(action) with { Lang = language.Tag() };
        if (!caller.Person.IsAdmin)
        {
            // The period follows the measure's cycle; a measure chosen on the card may have another cycle than the start assumed.
            draft = draft with { Period = draft.MeasureNumber is { } chosen && stored.Period is { } p && schedule.Find(chosen, p) is null ? PeriodFor(chosen) : stored.Period };
        }
        draft = WithSingleOptions(draft, caller);
        await SaveAsync(caller, draft, cancellationToken);
        var validation = await validator.ValidateAsync(draft, caller, language, cancellationToken);
        if (!validation.IsValid)
        {
            return Form(draft, caller, validation.Errors, language, replaces: true);
        }
        return UpdateReply.Replace(new OutgoingMessage(
            language.Pick("请确认进展汇报内容，然后点击“确认提交”。", "Please check the update, then select Confirm and submit."),
            cards.Preview(draft, validation.Report!, language)));
    }

    public async Task<UpdateReply> EditAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        var (caller, refusal) = await UpdateCaller.IdentifyAsync(turn, roster, UpdateAsk.Report, cancellationToken);
        if (caller is null)
        {
            return Say(refusal!);
        }
        if (await OpenDraftAsync(caller, action, cancellationToken) is not { } draft)
        {
            return await ExpiredOrReceiptAsync(caller, action, turn.Language, cancellationToken);
        }
        return Form(draft, caller, new Dictionary<string, string>(), turn.Language, replaces: true);
    }

    public async Task<UpdateReply> SubmitAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        var (caller, refusal) = await UpdateCaller.IdentifyAsync(turn, roster, UpdateAsk.Report, cancellationToken);
        if (caller is null)
        {
            return Say(refusal!);
        }
        if (await OpenDraftAsync(caller, action, cancellationToken) is not { } draft)
        {
            return await ExpiredOrReceiptAsync(caller, action, language, cancellationToken);
        }
        var validation = await validator.ValidateAsync(draft, caller, language, cancellationToken);
        if (!validation.IsValid)
        {
            return Form(draft, caller, validation.Errors, language, replaces: true);
        }
        var report = validation.Report!;
        var by = new Submitter(caller.AadObjectId, caller.Name);
        var outbox = RelayOutboxMessages.For(new RelayUpdatePayload(draft.DraftId, report, by, time.GetUtcNow(), draft.IsCorrection, language.Tag(),
            MajorIssueWithdrawn: !report.MajorIssue && await CorrectsMajorIssueAsync(draft, cancellationToken)));
        var result = draft.IsCorrection
            ? await updates.CorrectAsync(draft.CorrectsUpdateId!, draft.CorrectsVersion ?? 1, report, by, draft.DraftId, outbox, cancellationToken)
            : await updates.SubmitAsync(report, by, draft.DraftId, outbox, cancellationToken);
        switch (result.Outcome)
        {
            case SubmitOutcome.Created or SubmitOutcome.AlreadySubmitted when result.Update is { } update:
                await SaveAsync(caller, draft with { SubmittedUpdateId = update.UpdateId }, cancellationToken);
                return await ReceiptAsync(update, caller, language, cancellationToken);
            case SubmitOutcome.Conflict:
                await drafts.DeleteAsync(caller.DraftOwner, DraftScope, cancellationToken);
                return Say(language.Pick(
                    "抱歉，这条汇报在您修改期间已被更正过，您的修改未保存。请发送“第" + report.Measure + "项进展”查看最新内容后再修改。",
                    $"Sorry, this update was corrected by someone else meanwhile, so your correction was not saved. Send \"history {report.Measure}\" to see the latest version, then correct it again."));
            default:
                await drafts.DeleteAsync(caller.DraftOwner, DraftScope, cancellationToken);
                return Say(language.Pick("抱歉，要修改的汇报已不存在，修改未保存。请发送“汇报进展”重新汇报。",
                    "Sorry, the update you were correcting no longer exists; nothing was saved. Send \"update\" to report again."));
        }
    }

    // The version being corrected is the current one, or CorrectAsync reports a conflict and nothing is posted.
    private async Task<bool> CorrectsMajorIssueAsync(UpdateDraft draft, CancellationToken cancellationToken) =>
        draft.IsCorrection && await updates.GetAsync(draft.CorrectsUpdateId!, cancellationToken) is { Report.MajorIssue: true };

    public async Task<UpdateReply> CancelAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        var (caller, refusal) = await UpdateCaller.IdentifyAsync(turn, roster, UpdateAsk.Report, cancellationToken);
        if (caller is null)
        {
            return Say(refusal!);
        }
        if (await OpenDraftAsync(caller, action, cancellationToken) is null)
        {
            return await ExpiredOrReceiptAsync(caller, action, language, cancellationToken);
        }
        await drafts.DeleteAsync(caller.DraftOwner, DraftScope, cancellationToken);
        return UpdateReply.Replace(new OutgoingMessage(language.Pick("已取消，草稿已删除。", "Cancelled; the draft was deleted."), cards.Notice(
            language.Pick("已取消进展汇报", "Progress update cancelled"),
            language.Pick("草稿已删除，没有提交任何内容。需要时发送“汇报进展”重新开始。", "The draft was deleted and nothing was submitted. Send \"update\" to start again."),
            [], language)));
    }

    /// <summary>
    /// "update 8 推进中 60% …" in one line: the same rules as the card. The unit is chosen when the caller has
    /// one for the measure; otherwise, or when something is missing, the card opens prefilled with the problems marked.
    /// </summary>
    public async Task<UpdateReply> QuickAsync(TurnContext turn, QuickUpdate command, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        var (caller, refusal) = await UpdateCaller.IdentifyAsync(turn, roster, UpdateAsk.Report, cancellationToken);
        if (caller is null)
        {
            return Say(refusal!);
        }
        if (caller.MeasureRefusal(command.Measure, registry, language) is { } notYours)
        {
            return Say(notYours);
        }
        var draft = WithSingleOptions(new UpdateDraft
        {
            DraftId = Guid.NewGuid().ToString("N"),
            Lang = language.Tag(),
            Measure = command.Measure.ToString(System.Globalization.CultureInfo.InvariantCulture),
            MeasurePreset = true,
            Period = PeriodFor(command.Measure),
            Status = command.Status,
            Percent = command.Percent,
            Progress = command.Progress,
        }, caller);
        var validation = await validator.ValidateAsync(draft, caller, language, cancellationToken);
        if (!validation.IsValid)
        {
            var hint = language.Pick(
                $"\n\n也可以重新发送完整的一行，例如：update {command.Measure} 推进中 60% 已完成专项检查3次",
                $"\n\nOr send the whole line again, e.g.: update {command.Measure} in-progress 60% three inspections done");
            if (await LoadAsync(caller, cancellationToken) is { SubmittedUpdateId: null } open)
            {
                // An unfinished card draft is worth more than a line that failed: keep it, list what was wrong.
                return Say(KeptDraftRefusal(open, validation.Errors, language) + hint);
            }
            await SaveAsync(caller, draft, cancellationToken);
            var form = Form(draft, caller, validation.Errors, language, replaces: false);
            return Say(form.Message with { Text = form.Message.Text + hint });
        }
        // The activity id makes a retried delivery of the same message one update.
        var key = "text:" + (turn.Activity.Id ?? draft.DraftId);
        var by = new Submitter(caller.AadObjectId, caller.Name);
        var report = validation.Report!;
        var result = await updates.SubmitAsync(report, by, key,
            RelayOutboxMessages.For(new RelayUpdatePayload(key, report, by, time.GetUtcNow(), false, language.Tag())), cancellationToken);
        var receipt = await ReceiptAsync(result.Update!, caller, language, cancellationToken);
        return Say(receipt.Message);
    }

    /// <summary>Opens the card prefilled with the caller's latest update, if they submitted it and the window is open.</summary>
    public async Task<UpdateReply> CorrectAsync(TurnContext turn, string? updateId, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        var (caller, refusal) = await UpdateCaller.IdentifyAsync(turn, roster, UpdateAsk.Report, cancellationToken);
        if (caller is null)
        {
            return Say(refusal!);
        }
        var update = string.IsNullOrEmpty(updateId) ? null : await updates.GetAsync(updateId, cancellationToken);
        if (update is null)
        {
            return Say(language.Pick("抱歉，找不到要修改的汇报。请发送“第8项进展”这样的消息查看已有汇报。", "Sorry, I cannot find that update. Send e.g. \"history 8\" to see the updates."));
        }
        if (await CorrectionRefusalAsync(update, caller, language, cancellationToken) is { } notAllowed)
        {
            return Say(notAllowed);
        }
        var report = update.Report;
        var draft = new UpdateDraft
        {
            DraftId = Guid.NewGuid().ToString("N"),
            Lang = language.Tag(),
            Measure = report.Measure.ToString(System.Globalization.CultureInfo.InvariantCulture),
            MeasurePreset = true,
            UnitId = report.UnitId,
            Period = report.Period,
            Status = report.Status,
            Percent = report.PercentComplete?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Progress = report.Progress,
            Problems = report.Problems,
            NextSteps = report.NextSteps,
            MajorIssue = report.MajorIssue,
            MajorIssueDescription = report.MajorIssueDescription,
            EvidenceUrl = report.EvidenceUrl,
            CorrectsUpdateId = update.UpdateId,
            CorrectsVersion = update.Version,
        };
        await SaveAsync(caller, draft, cancellationToken);
        // The receipt turns back into the (prefilled) form; submitting puts a new receipt in its place.
        return Form(draft, caller, new Dictionary<string, string>(), language, replaces: true);
    }

    /// <summary>Null when <paramref name="caller"/> may correct <paramref name="update"/> now; otherwise why not.</summary>
    public async Task<string?> CorrectionRefusalAsync(ProgressUpdate update, UpdateCaller caller, Language language, CancellationToken cancellationToken)
    {
        var history = await updates.GetHistoryAsync(update.UpdateId, cancellationToken);
        var first = history.Count > 0 ? history[0] : update;
        if (first.SubmittedBy.AadObjectId != caller.AadObjectId)
        {
            return language.Pick("抱歉，只有提交人本人可以修改这条汇报。如需更正，请联系提交人或知识产权保护科。",
                "Sorry, only the person who submitted this update can correct it. Please contact them or the IP Protection Section.");
        }
        if (first.SubmittedAt + options.CorrectionWindow < time.GetUtcNow())
        {
            return language.Pick(
                $"抱歉，汇报提交已超过 {Hours()} 小时，不能再修改。如需补充，请发送“汇报第{update.Report.Measure}项”提交新的汇报。",
                $"Sorry, corrections are possible only within {Hours()} hours of submitting, and that time has passed. Send \"update {update.Report.Measure}\" to submit a new update instead.");
        }
        var mine = await updates.ListCurrentAsync(new UpdateQuery(update.Report.Measure, update.Report.UnitId, null, caller.AadObjectId), cancellationToken);
        var latest = mine.FirstOrDefault();
        if (latest is not null && latest.UpdateId != update.UpdateId)
        {
            return language.Pick("抱歉，只能修改您对该措施最近一次的汇报，这条已有更新的汇报。", "Sorry, only your latest update on this measure can be corrected, and this one has a newer update.");
        }
        return null;
    }

    public async Task<UpdateReply> ReceiptAsync(ProgressUpdate update, UpdateCaller caller, Language language, CancellationToken cancellationToken)
    {
        var canCorrect = await CorrectionRefusalAsync(update, caller, language, cancellationToken) is null;
        var text = language.Pick(
            $"已提交第 {update.Report.Measure} 项措施的进展汇报（{update.Report.UnitId}，{update.Report.Period}，{update.Report.Status}）。",
            $"Your update on measure {update.Report.Measure} is submitted ({UpdateLabels.UnitName(registry, update.Report.UnitId, language)}, {update.Report.Period}, {UpdateStatus.Label(update.Report.Status, language)}).");
        return UpdateReply.Replace(new OutgoingMessage(text, cards.Receipt(update, canCorrect, language)));
    }

    public UpdateReply Form(UpdateDraft draft, UpdateCaller caller, IReadOnlyDictionary<string, string> errors, Language language, bool replaces)
    {
        var example = draft.MeasureNumber is { } n ? n : 8;
        var text = errors.Count > 0
            ? language.Pick("请按提示修改：", "Please fix the following:") + "\n" + string.Join("\n", errors.Select(e => $"- {UpdateLabels.Field(e.Key, language)}{language.Pick("：", ": ")}{e.Value}"))
            : language.Pick(
                $"请在卡片中填写进展汇报。看不到卡片时，也可以发送一行文字，例如：update {example} 推进中 60% 已完成专项检查3次",
                $"Please fill in the update card. Without cards, send one line instead, e.g.: update {example} in-progress 60% three inspections done");
        var message = new OutgoingMessage(text, cards.Form(draft, caller.FormContext(draft.MeasureNumber), errors, language));
        return replaces ? UpdateReply.Replace(message) : UpdateReply.Say(message);
    }

    private UpdateReply OfferToContinue(UpdateDraft open, int? measure, string? unit, string? period, Language language)
    {
        var what = open.MeasureNumber is { } n ? language.Pick($"第 {n} 项措施的", $" on measure {n}") : "";
        var detail = language.Pick($"您有一份未提交的{what}进展汇报草稿。继续填写，还是放弃它重新开始？",
            $"You have an unsubmitted draft update{what}. Continue it, or discard it and start again?");
        return Say(new OutgoingMessage(detail, cards.Notice(language.Pick("继续上次的汇报？", "Continue your draft?"), detail,
        [
            (language.Pick("继续填写", "Continue"), UpdateVerbs.DraftData(UpdateVerbs.Resume, open.DraftId, language)),
            (language.Pick("重新开始", "Start again"), UpdateVerbs.RestartData(measure, language, unit, period)),
            (language.Pick("放弃草稿", "Discard draft"), UpdateVerbs.DraftData(UpdateVerbs.Cancel, open.DraftId, language)),
        ], language)));
    }

    private async Task<UpdateReply> ExpiredOrReceiptAsync(UpdateCaller caller, CardAction action, Language language, CancellationToken cancellationToken)
    {
        if (await LoadAsync(caller, cancellationToken) is { SubmittedUpdateId: { } updateId } draft
            && draft.DraftId == action.Get(UpdateVerbs.DraftIdKey)
            && await updates.GetHistoryAsync(updateId, cancellationToken) is { Count: > 0 } history)
        {
            // A double click, a retried delivery or another device: show what was stored, store nothing new.
            var submitted = history.FirstOrDefault(u => u.Version == (draft.CorrectsVersion ?? 0) + 1) ?? history[^1];
            return await ReceiptAsync(submitted, caller, language, cancellationToken);
        }
        return Expired(language);
    }

    private static UpdateReply Expired(Language language) => Say(language.Pick(
        "这张汇报卡片已失效（草稿已提交、已取消，或已在别处重新开始）。请发送“汇报进展”继续或重新开始。",
        "This update card is no longer current (its draft was submitted, cancelled or restarted elsewhere). Send \"update\" to continue or start again."));

    private async Task<UpdateDraft?> OpenDraftAsync(UpdateCaller caller, CardAction action, CancellationToken cancellationToken) =>
        await LoadAsync(caller, cancellationToken) is { SubmittedUpdateId: null } draft && draft.DraftId == action.Get(UpdateVerbs.DraftIdKey) ? draft : null;

    private async Task<UpdateDraft?> LoadAsync(UpdateCaller caller, CancellationToken cancellationToken) =>
        await drafts.GetAsync(caller.DraftOwner, DraftScope, cancellationToken) is { } stored ? UpdateDraft.FromJson(stored.Payload) : null;

    private Task SaveAsync(UpdateCaller caller, UpdateDraft draft, CancellationToken cancellationToken) =>
        drafts.SaveAsync(caller.DraftOwner, DraftScope, draft.ToJson(), cancellationToken);

    // A single possible unit is chosen for the user; the card then shows it read-only.
    private static UpdateDraft WithSingleOptions(UpdateDraft draft, UpdateCaller caller) =>
        draft.UnitId is null && !draft.IsCorrection && caller.UnitsFor(draft.MeasureNumber) is [var only] ? draft with { UnitId = only } : draft;

    /// <summary>The period a report made now belongs to; without a measure yet, the default cycle's.</summary>
    private string PeriodFor(int? measure) => schedule.Current(measure ?? 0, time.GetUtcNow()).Period;

    private string Hours() => options.CorrectionWindow.TotalHours.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    private static string KeptDraftRefusal(UpdateDraft open, IReadOnlyDictionary<string, string> errors, Language language)
    {
        var problems = string.Join("\n", errors.Values.Select(e => "- " + e));
        // The draft's measure is what the card sent, not yet checked to be a number.
        var which = open.Measure is { Length: > 0 } typed && MarkdownText.Literal(typed) is var m ? language.Pick($"第 {m} 项措施的", $"for measure {m} ") : "";
        return language.Pick(
            $"这条进展未能提交：\n{problems}\n\n您还有一份未提交的{which}进展草稿，已原样保留；发送“汇报进展”可继续填写。",
            $"This update was not submitted:\n{problems}\n\nYour unfinished update draft {which}is kept as it was; send \"update\" to continue it.");
    }

    private static UpdateReply Say(string text) => UpdateReply.Say(new OutgoingMessage(text));

    private static UpdateReply Say(OutgoingMessage message) => UpdateReply.Say(message);
}
