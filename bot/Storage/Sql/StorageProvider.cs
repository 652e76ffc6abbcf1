namespace GiBot.Storage.Sql;

public enum StorageProvider
{
    Sqlite,
    Postgres,
}
