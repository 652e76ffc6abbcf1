namespace GiBot.Storage.Migrations;

/// <summary>One schema step. Versions only grow; a released migration is never edited, a new one is added.</summary>
public sealed record Migration(int Version, string Name, string Sqlite, string Postgres);
