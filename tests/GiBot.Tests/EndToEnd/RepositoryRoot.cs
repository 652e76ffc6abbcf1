namespace GiBot.Tests.EndToEnd;

/// <summary>The checkout the tests run from: the nearest folder above the test binaries that holds GiBot.sln.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "GiBot.sln")))
            {
                return directory.FullName;
            }
        }
        throw new DirectoryNotFoundException($"No GiBot.sln above {AppContext.BaseDirectory}.");
    }
}
