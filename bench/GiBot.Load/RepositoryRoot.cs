namespace GiBot.Load;

/// <summary>The checkout this tool runs from: the nearest directory up with GiBot.sln.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "GiBot.sln")))
                {
                    return directory.FullName;
                }
            }
        }
        throw new DirectoryNotFoundException("GiBot.sln not found above the current directory or the tool.");
    }
}
