using System.Text.RegularExpressions;

namespace ContainerAnalyzers.Benchmarks;

/// <summary>A Dockerfile and the project it builds, as a user's build hands them to the compiler.</summary>
internal sealed record CorpusPair(string Name, string DockerfilePath, string? ProjectPath)
{
    /// <summary>
    /// Every pair of the shared corpora: Microsoft's samples (each folder holds one Dockerfile and its csproj), the
    /// real repositories' manifest rows, and BuildKit's parser cases (a Dockerfile alone, judged for a web app).
    /// </summary>
    public static IReadOnlyList<CorpusPair> FromSharedCorpora(string corpora)
    {
        var pairs = new List<CorpusPair>();
        var samples = Path.Combine(corpora, "dotnet-docker-samples");
        if (Directory.Exists(samples))
        {
            foreach (var folder in Directory.EnumerateDirectories(samples).OrderBy(f => f, StringComparer.Ordinal))
            {
                var dockerfile = Directory.EnumerateFiles(folder, "Dockerfile*").OrderBy(f => f, StringComparer.Ordinal).FirstOrDefault();
                if (dockerfile is not null)
                {
                    pairs.Add(new CorpusPair("samples/" + Path.GetFileName(folder), dockerfile, Directory.EnumerateFiles(folder, "*.csproj").FirstOrDefault()));
                }
            }
        }

        var manifest = Path.Combine(corpora, "real-repos", "manifest.tsv");
        if (File.Exists(manifest))
        {
            foreach (var line in File.ReadLines(manifest).Skip(1))
            {
                var columns = line.Split('\t');
                if (columns.Length < 3)
                {
                    continue;
                }

                var root = Path.Combine(corpora, "real-repos", columns[0]);
                var dockerfile = Path.Combine(root, columns[1]);
                var project = Path.Combine(root, columns[2]);
                if (File.Exists(dockerfile))
                {
                    pairs.Add(new CorpusPair("real-repos/" + columns[0] + "/" + columns[1], dockerfile, File.Exists(project) ? project : null));
                }
            }
        }

        var buildkit = Path.Combine(corpora, "buildkit-parser", "testfiles");
        if (Directory.Exists(buildkit))
        {
            foreach (var folder in Directory.EnumerateDirectories(buildkit).OrderBy(f => f, StringComparer.Ordinal))
            {
                var dockerfile = Path.Combine(folder, "Dockerfile");
                if (File.Exists(dockerfile))
                {
                    pairs.Add(new CorpusPair("buildkit/" + Path.GetFileName(folder), dockerfile, null));
                }
            }
        }

        return pairs;
    }

    /// <summary>
    /// The MSBuild properties the package would expose for the project, read from the csproj as written (no
    /// evaluation: enough for a benchmark and a before/after comparison, which only need the same input twice).
    /// </summary>
    public IReadOnlyDictionary<string, string> Properties()
    {
        var projectPath = ProjectPath ?? Path.Combine(Path.GetDirectoryName(DockerfilePath)!, "App.csproj");
        var text = ProjectText();
        var properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["MSBuildProjectFullPath"] = projectPath,
            ["MSBuildProjectName"] = Path.GetFileNameWithoutExtension(projectPath),
        };
        var web = Regex.IsMatch(text, "Sdk=\"Microsoft\\.NET\\.Sdk\\.(Web|Razor|BlazorWebAssembly)\"");
        properties["UsingMicrosoftNETSdkWeb"] = web ? "true" : "false";
        properties["UsingMicrosoftNETSdkWorker"] = text.Contains("Microsoft.NET.Sdk.Worker", StringComparison.Ordinal) ? "true" : "false";
        properties["OutputType"] = web || text.Contains("Microsoft.NET.Sdk.Worker", StringComparison.Ordinal) ? "Exe" : "Library";
        foreach (Match match in Regex.Matches(text, @"<(?<name>\w+)>(?<value>[^<]*)</\k<name>>"))
        {
            var name = match.Groups["name"].Value;
            if (Projects.ProjectFacts.VisibleProperties.Contains(name) && !properties.ContainsKey(name + ":set"))
            {
                properties[name] = match.Groups["value"].Value.Trim();
                properties[name + ":set"] = string.Empty;
            }
        }

        foreach (var key in properties.Keys.Where(k => k.EndsWith(":set", StringComparison.Ordinal)).ToList())
        {
            properties.Remove(key);
        }

        if (!properties.ContainsKey("TargetFramework") && properties.TryGetValue("TargetFrameworks", out var frameworks))
        {
            properties["TargetFramework"] = frameworks.Split(';', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty;
        }

        properties.TryAdd("TargetFramework", "net10.0");
        return properties;
    }

    public string ProjectText() => ProjectPath is null
        ? "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>"
        : File.ReadAllText(ProjectPath);
}
