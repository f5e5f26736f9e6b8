namespace Platform.Testing;

/// <summary>Locates the repository (the folder holding <c>Platform.sln</c>), whose infra scripts and manifests tests use.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> s_path = new(Find);

    /// <summary>The repository's root folder.</summary>
    public static string Path => s_path.Value;

    /// <summary>The path of one of the <c>infra/local</c> server scripts.</summary>
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
            $"No folder holding Platform.sln was found above {AppContext.BaseDirectory}; the tests need the repository's infra folder.");
    }
}
