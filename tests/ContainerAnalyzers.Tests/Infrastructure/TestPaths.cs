using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Infrastructure;

/// <summary>Finds the repository and the shared corpora beside it.</summary>
internal static class TestPaths
{
    private static readonly Lazy<string> RepositoryRootValue = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ContainerAnalyzers.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ContainerAnalyzers.sln not found above " + AppContext.BaseDirectory);
    });

    public static string RepositoryRoot => RepositoryRootValue.Value;

    /// <summary>../shared/corpora/&lt;name&gt; beside the repository, or CONTAINERANALYZERS_SHARED/corpora/&lt;name&gt;.</summary>
    public static string? FindCorpus(string name)
    {
        var shared = Environment.GetEnvironmentVariable("CONTAINERANALYZERS_SHARED");
        var candidates = new List<string>();
        if (!string.IsNullOrEmpty(shared))
        {
            candidates.Add(Path.Combine(shared, "corpora", name));
        }

        candidates.Add(Path.Combine(RepositoryRoot, "..", "shared", "corpora", name));
        return candidates.Select(Path.GetFullPath).FirstOrDefault(Directory.Exists);
    }

    /// <summary>The corpus folder, or an NUnit Ignore that says where it was looked for.</summary>
    public static string RequireCorpus(string name)
    {
        var path = FindCorpus(name);
        if (path is null)
        {
            Assert.Ignore($"Corpus '{name}' is absent: looked in ../shared/corpora/{name} beside {RepositoryRoot} and in $CONTAINERANALYZERS_SHARED. These tests need the shared corpora.");
        }

        return path!;
    }
}
