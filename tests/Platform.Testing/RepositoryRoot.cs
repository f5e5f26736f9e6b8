namespace Platform.Testing;

/// <summary>Locates the repository, whose infra/local scripts start the servers.</summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> s_path = new(Find);

    public static string Script(string name) => System.IO.Path.Combine(s_path.Value, "infra", "local", name);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Platform.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No folder holding Platform.sln was found above {AppContext.BaseDirectory}; Platform.Testing needs the repository's infra/local scripts.");
    }
}
