namespace GiBot.Storage.Migrations;

/// <summary>
/// Every aggregate's table. Times are Unix milliseconds (UTC), flags 0/1, so both providers
/// share one set of queries. The two scripts differ only in the auto-increment id.
/// </summary>
internal static class M0001Initial
{
    private const string Tables = """
        CREATE TABLE conversation_references (
            conversation_id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            service_url TEXT NOT NULL,
            tenant_id TEXT,
            bot_id TEXT,
            user_id TEXT,
            user_aad_object_id TEXT,
            user_name TEXT,
            team_id TEXT,
            team_name TEXT,
            channel_id TEXT,
            updated_at BIGINT NOT NULL,
            removed_at BIGINT
        );
        CREATE INDEX ix_conversation_references_user ON conversation_references (user_aad_object_id);
        CREATE INDEX ix_conversation_references_team ON conversation_references (team_id);

        CREATE TABLE roster_entries (
            person_id TEXT NOT NULL,
            unit_id TEXT NOT NULL,
            role TEXT NOT NULL,
            aad_object_id TEXT,
            email TEXT,
            display_name TEXT,
            updated_at BIGINT NOT NULL,
            PRIMARY KEY (person_id, unit_id)
        );

        CREATE TABLE progress_updates (
            update_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            submission_key TEXT NOT NULL,
            is_current INTEGER NOT NULL,
            measure INTEGER NOT NULL,
            unit_id TEXT NOT NULL,
            period TEXT NOT NULL,
            status TEXT NOT NULL,
            percent_complete INTEGER,
            progress TEXT NOT NULL,
            problems TEXT,
            next_steps TEXT,
            major_issue INTEGER NOT NULL,
            major_issue_description TEXT,
            evidence_url TEXT,
            submitted_by_aad_object_id TEXT NOT NULL,
            submitted_by_name TEXT,
            submitted_at BIGINT NOT NULL,
            PRIMARY KEY (update_id, version)
        );
        CREATE UNIQUE INDEX ux_progress_updates_submission ON progress_updates (submission_key);
        CREATE INDEX ix_progress_updates_current ON progress_updates (measure, unit_id, period) WHERE is_current = 1;

        CREATE TABLE dialog_drafts (
            user_id TEXT NOT NULL,
            scope TEXT NOT NULL,
            payload TEXT NOT NULL,
            updated_at BIGINT NOT NULL,
            PRIMARY KEY (user_id, scope)
        );

        CREATE TABLE reminder_plans (
            plan_key TEXT PRIMARY KEY,
            measure INTEGER NOT NULL,
            unit_id TEXT NOT NULL,
            period TEXT NOT NULL,
            step TEXT NOT NULL,
            due_at BIGINT NOT NULL,
            payload TEXT,
            status TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            claimed_by TEXT,
            claim_token TEXT,
            lease_until BIGINT,
            sent_at BIGINT,
            last_error TEXT,
            created_at BIGINT NOT NULL
        );
        CREATE INDEX ix_reminder_plans_due ON reminder_plans (due_at) WHERE status = 'pending';
        CREATE UNIQUE INDEX ux_reminder_plans_scope ON reminder_plans (measure, unit_id, period, step);

        CREATE TABLE reminder_sends (
            plan_key TEXT NOT NULL,
            recipient_id TEXT NOT NULL,
            activity_id TEXT,
            sent_at BIGINT NOT NULL,
            PRIMARY KEY (plan_key, recipient_id)
        );

        CREATE TABLE processed_activities (
            conversation_id TEXT NOT NULL,
            activity_id TEXT NOT NULL,
            processed_at BIGINT NOT NULL,
            PRIMARY KEY (conversation_id, activity_id)
        );
        CREATE INDEX ix_processed_activities_age ON processed_activities (processed_at);

        CREATE TABLE bot_settings (
            setting_key TEXT PRIMARY KEY,
            value TEXT NOT NULL,
            version INTEGER NOT NULL,
            updated_at BIGINT NOT NULL
        );
        """;

    private const string Outbox = """
        (
            kind TEXT NOT NULL,
            dedup_key TEXT NOT NULL,
            payload TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            next_attempt_at BIGINT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            claimed_by TEXT,
            claim_token TEXT,
            lease_until BIGINT,
            posted_activity_id TEXT,
            done_at BIGINT,
            failed_at BIGINT,
            last_error TEXT
        );
        CREATE UNIQUE INDEX ux_relay_outbox_dedup ON relay_outbox (dedup_key);
        CREATE INDEX ix_relay_outbox_due ON relay_outbox (next_attempt_at) WHERE done_at IS NULL AND failed_at IS NULL;
        """;

    public static Migration Migration { get; } = new(1, "initial",
        Tables + "CREATE TABLE relay_outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, " + Outbox.TrimStart()[1..],
        Tables + "CREATE TABLE relay_outbox (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, " + Outbox.TrimStart()[1..]);
}
