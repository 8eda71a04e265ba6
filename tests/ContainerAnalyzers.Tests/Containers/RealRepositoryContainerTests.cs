using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Containers;

/// <summary>
/// The fixes on whole real repositories (issues 15 and 16), as a new user would meet them: each repository of
/// ../shared/corpora/real-repos is copied whole, its Dockerfile is fixed with the package's MSBuild target (default
/// mode, then regenerate), and the result is built with the command the repository already uses (its manifest row:
/// context and file, from the repository root) and started. The final image must hold no .cs or .csproj.
/// A Dockerfile that needs BuildKit (heredocs, COPY --link) is reported as not measurable, never dropped.
/// Opt-in (CONTAINERANALYZERS_REAL_REPOS=1): it builds about fifty images, far more than CI's time allows.
/// </summary>
[TestFixture]
[Category("Container")]
[NonParallelizable]
public sealed class RealRepositoryContainerTests
{
    private static readonly List<string> Rows = new();

    public static IEnumerable<TestCaseData> Cases()
    {
        if (Environment.GetEnvironmentVariable("CONTAINERANALYZERS_REAL_REPOS") != "1")
        {
            // One skipped case that says how to run the suite, rather than fifty.
            yield return new TestCaseData(string.Empty, string.Empty, string.Empty, string.Empty, "default") { TestName = "real repositories (opt-in: CONTAINERANALYZERS_REAL_REPOS=1)" };
            yield break;
        }

        var root = TestPaths.FindCorpus("real-repos");
        if (root is null)
        {
            yield return new TestCaseData(string.Empty, string.Empty, string.Empty, string.Empty, "default") { TestName = "real-repos corpus absent" };
            yield break;
        }

        foreach (var line in File.ReadLines(Path.Combine(root, "manifest.tsv")).Skip(1))
        {
            var columns = line.Split('\t');
            var build = Regex.Match(columns[3], @"context=(?<context>\S+) file=(?<file>\S+)");
            foreach (var mode in new[] { "default", "regenerate" })
            {
                yield return new TestCaseData(columns[0], columns[1], columns[2], build.Success ? build.Groups["context"].Value + " " + build.Groups["file"].Value : ". " + columns[1], mode)
                {
                    TestName = $"{columns[0]}/{columns[1]} ({(mode == "regenerate" ? "regenerate, forced" : "default")})",
                };
            }
        }
    }

    [OneTimeSetUp]
    public void RequireOptIn()
    {
        if (Environment.GetEnvironmentVariable("CONTAINERANALYZERS_REAL_REPOS") != "1")
        {
            Assert.Ignore("the real-repository suite builds about fifty images; set CONTAINERANALYZERS_REAL_REPOS=1 to run it.");
        }

        TestPaths.RequireCorpus("real-repos");
        ContainerSuite.PrepareOlderChannels("8.0", "9.0");
    }

    [OneTimeTearDown]
    public void WriteTable()
    {
        if (Rows.Count == 0)
        {
            return;
        }

        var table = new StringBuilder("| Repository | Dockerfile | Mode | Result |\n|---|---|---|---|\n");
        foreach (var row in Rows)
        {
            table.AppendLine(row);
        }

        TestContext.Progress.WriteLine(table.ToString());
        if (Environment.GetEnvironmentVariable("CONTAINERANALYZERS_REAL_REPOS_REPORT") is { Length: > 0 } path)
        {
            File.WriteAllText(path, table.ToString());
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void FixedRepositoryBuildsWithItsOwnCommandAndStarts(string repository, string dockerfile, string project, string build, string mode)
    {
        var corpus = TestPaths.RequireCorpus("real-repos");
        var root = Path.Combine(AnalyzerPackage.RunFolder, "real", Regex.Replace(repository + "-" + dockerfile + "-" + mode, "[^A-Za-z0-9]+", "-"));
        CopyFolder(Path.Combine(corpus, repository), root);
        var dockerfilePath = Path.Combine(root, dockerfile);
        var projectPath = Path.Combine(root, project);
        if (NeedsBuildKit(File.ReadAllText(dockerfilePath)) is { } feature)
        {
            Record(repository, dockerfile, mode, "not measurable: the repository's own Dockerfile uses " + feature + ", which buildah 1.28 cannot build");
            Assert.Ignore("not measurable: " + feature);
        }

        var package = ExtractPackage();
        var fix = ProcessRunner.Dotnet(Path.GetDirectoryName(projectPath)!, "build", projectPath, "-t:FixDockerfile", "-nologo", "-v:m", "-nodeReuse:false",
            "-p:DockerfileFile=" + Path.GetRelativePath(Path.GetDirectoryName(projectPath)!, dockerfilePath),
            "-p:DockerfileFixMode=" + (mode == "regenerate" ? "regenerate" : "minimal"),
            // Regeneration is forced on every repository, whether or not a rule reports it: the generator's context,
            // restore inputs and carried lines meet every layout of the corpus.
            "-p:DockerfileFixForce=" + (mode == "regenerate" ? "true" : "false"),
            "-p:CustomBeforeMicrosoftCommonProps=" + Path.Combine(package, "build", "ContainerAnalyzers.props"),
            "-p:CustomAfterMicrosoftCommonTargets=" + Path.Combine(package, "build", "ContainerAnalyzers.targets"),
            "-p:CustomAfterMicrosoftCommonCrossTargetingTargets=" + Path.Combine(package, "buildMultiTargeting", "ContainerAnalyzers.targets"));
        TestContext.Out.WriteLine(fix.Output);
        if (fix.ExitCode != 0 || !fix.Output.Contains("ContainerAnalyzers: rewrote", StringComparison.Ordinal))
        {
            var why = fix.Output.Split('\n').FirstOrDefault(l => l.Contains("ContainerAnalyzers:", StringComparison.Ordinal))?.Trim() ?? "exit " + fix.ExitCode;
            Record(repository, dockerfile, mode, "not rewritten: " + why.Replace(root, ".", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal));
            Assert.That(fix.ExitCode, Is.Zero, fix.Output);
            Assert.Ignore("not rewritten: " + why);
        }

        var text = File.ReadAllText(dockerfilePath);
        TestContext.Out.WriteLine(text);
        Assert.That(NeedsBuildKit(text), Is.Null, "the fix never writes what buildah cannot build");

        var words = build.Split(' ');
        var tag = "localhost/containeranalyzers-real/" + Guid.NewGuid().ToString("N")[..10] + ":latest";
        var built = ContainerSuite.Engine.Build(root, tag, words[1], words[0]);
        if (built.ExitCode != 0 && Regex.Match(built.Output, @"(?<image>\S+): image not known") is { Success: true } missing)
        {
            // An image this machine has no stand-in for (ubuntu, node, alpine, .NET 6…).
            Record(repository, dockerfile, mode, "not measurable: needs " + missing.Groups["image"].Value + ", which has no stand-in here");
            Assert.Ignore("not measurable: needs " + missing.Groups["image"].Value);
        }

        if (built.ExitCode != 0)
        {
            var baseline = Baseline(corpus, repository, dockerfile, words);
            Record(repository, dockerfile, mode, (baseline.Works ? "**build failed**" : "not measurable (" + baseline.What + "); the fixed file: build failed") + ": " + LastLines(built.Output));
            if (!baseline.Works)
            {
                Assert.Ignore("not measurable: " + baseline.What);
            }

            Assert.Fail("the fixed Dockerfile does not build with the repository's command:\n" + built.Output);
        }

        try
        {
            var sources = ContainerSuite.Engine.ListFiles(tag).Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".csproj", StringComparison.Ordinal)).ToArray();
            var (started, state) = ContainerSuite.Engine.StartAndWatch(tag, TimeSpan.FromSeconds(8));
            var baseline = started ? (Works: true, What: string.Empty) : Baseline(corpus, repository, dockerfile, words);
            var result = started ? "builds, starts (" + state + ")"
                : baseline.Works ? "builds, **does not start**: " + LastLines(state)
                : "builds; does not start, and neither does the original (" + baseline.What + "): " + LastLines(state);
            Record(repository, dockerfile, mode, result + (sources.Length > 0 ? $"; **{sources.Length} source files in the final image**" : string.Empty));
            Assert.That(sources, Is.Empty, "the final image ships sources");
            if (!started && !baseline.Works)
            {
                Assert.Ignore("not measurable: the repository's own Dockerfile " + baseline.What);
            }

            Assert.That(started, Is.True, state);
        }
        finally
        {
            ContainerSuite.Engine.RemoveImage(tag);
        }
    }

    // The repository's own Dockerfile, built and started the same way: when it fails here too (an image with no
    // stand-in, output published on the host, configuration the app needs from compose), the case is not a measure
    // of the fix.
    private static (bool Works, string What) Baseline(string corpus, string repository, string dockerfile, string[] build)
    {
        var root = Path.Combine(AnalyzerPackage.RunFolder, "real", Regex.Replace(repository + "-" + dockerfile + "-original-" + Guid.NewGuid().ToString("N")[..6], "[^A-Za-z0-9]+", "-"));
        CopyFolder(Path.Combine(corpus, repository), root);
        var tag = "localhost/containeranalyzers-real/original-" + Guid.NewGuid().ToString("N")[..10] + ":latest";
        var built = ContainerSuite.Engine.Build(root, tag, build[1], build[0]);
        if (built.ExitCode != 0)
        {
            return (false, Regex.Match(built.Output, @"(?<image>\S+): image not known") is { Success: true } missing ? "needs " + missing.Groups["image"].Value : "the original does not build here either");
        }

        try
        {
            var (started, _) = ContainerSuite.Engine.StartAndWatch(tag, TimeSpan.FromSeconds(8));
            return started ? (true, string.Empty) : (false, "the original does not start here either");
        }
        finally
        {
            ContainerSuite.Engine.RemoveImage(tag);
        }
    }

    // Features of BuildKit's Dockerfile frontend that buildah 1.28 (Debian 12) rejects.
    private static string? NeedsBuildKit(string dockerfile)
        => Regex.IsMatch(dockerfile, @"^\s*(COPY|ADD)\b[^\n]*--link", RegexOptions.Multiline | RegexOptions.IgnoreCase) ? "COPY --link"
            : Regex.IsMatch(dockerfile, @"^\s*(RUN|COPY)\b[^\n]*<<-?[""']?[A-Za-z_]", RegexOptions.Multiline | RegexOptions.IgnoreCase) ? "a heredoc"
            : null;

    private static void Record(string repository, string dockerfile, string mode, string result)
    {
        lock (Rows)
        {
            Rows.Add($"| {repository} | {dockerfile} | {mode} | {result.Replace("\n", " ", StringComparison.Ordinal)} |");
        }
    }

    private static string LastLines(string output)
    {
        var lines = output.Trim().Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
        return string.Join(" / ", lines.Skip(Math.Max(0, lines.Length - 2))).Replace("|", "\\|", StringComparison.Ordinal);
    }

    private static readonly Lazy<string> Package = new(() =>
    {
        var folder = Path.Combine(AnalyzerPackage.RunFolder, "package");
        ZipFile.ExtractToDirectory(Path.Combine(AnalyzerPackage.Feed, $"ContainerAnalyzers.{AnalyzerPackage.Version}.nupkg"), folder, overwriteFiles: true);
        return folder;
    });

    // The packed package, unzipped: its build files are imported with CustomBefore/CustomAfter properties, so the
    // repository itself is not edited and its container build restores exactly what it did before.
    private static string ExtractPackage() => Package.Value;

    private static void CopyFolder(string source, string target)
    {
        foreach (var directory in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(directory.Replace(source, target, StringComparison.Ordinal));
        }

        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(source, target, StringComparison.Ordinal), overwrite: true);
        }
    }
}
