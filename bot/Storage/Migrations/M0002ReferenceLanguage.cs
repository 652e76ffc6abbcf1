namespace GiBot.Storage.Migrations;

/// <summary>
/// The language a person last wrote in, kept with their personal chat's reference, so proactive messages
/// (reminders, notices) are written in it.
/// </summary>
internal static class M0002ReferenceLanguage
{
    private const string Script = "ALTER TABLE conversation_references ADD COLUMN language TEXT;";

    public static Migration Migration { get; } = new(2, "reference language", Script, Script);
}
