namespace GiBot.Tests.Cards;

/// <summary>Finds files of the repository (and the shared folder beside it) from the test binary's directory.</summary>
public static class RepositoryFiles
{
    /// <summary>The directory holding GiBot.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>
    /// A file under the shared folder, looked up as <c>../shared/…</c> from the repository root and, for
    /// worktrees nested deeper, from each ancestor; null when no ancestor has it.
    /// </summary>
    public static string? Shared(params string[] parts)
    {
        for (var dir = Directory.GetParent(Root); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine([dir.FullName, "shared", .. parts]);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "GiBot.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No GiBot.sln above {AppContext.BaseDirectory}.");
    }
}
