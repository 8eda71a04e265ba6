using ContainerAnalyzers.Generator;

// Usage: dotnet run --project src/ContainerAnalyzers.Generator [-- --check] [--root <repository>]
// Writes every file derived from the rule table; with --check, writes nothing and exits 1 when any is stale.
var check = args.Contains("--check");
var rootIndex = Array.IndexOf(args, "--root");
var root = rootIndex >= 0 && rootIndex + 1 < args.Length ? args[rootIndex + 1] : FindRoot();
var stale = 0;
foreach (var (path, content) in RuleTableFiles.Compute(root))
{
    var full = Path.Combine(root, path);
    var current = File.Exists(full) ? File.ReadAllText(full).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
    if (current == content)
    {
        continue;
    }

    stale++;
    Console.WriteLine((check ? "stale: " : "wrote: ") + path);
    if (!check)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }
}

Console.WriteLine(stale == 0 ? "the rule table's files are up to date" : check ? $"{stale} file(s) are stale: run 'dotnet run --project src/ContainerAnalyzers.Generator'" : $"{stale} file(s) written");
return check && stale > 0 ? 1 : 0;

static string FindRoot()
{
    for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "ContainerAnalyzers.sln")))
        {
            return directory.FullName;
        }
    }

    throw new InvalidOperationException("run it inside the repository, or pass --root <repository>");
}
