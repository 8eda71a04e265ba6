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
    private static readonly SortedSet<string> SilentBefore = new(StringComparer.Ordinal);
    private static readonly SortedSet<string> SilentAfter = new(StringComparer.Ordinal);

    public static IEnumerable<TestCaseData> Cases()
    {
        if (Environment.GetEnvironmentVariable("CONTAINERANALYZERS_REAL_REPOS") != "1")
        {
            // One skipped case that says how to run the suite, rather than fifty.
            yield return new TestCaseData(string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, "default", string.Empty) { TestName = "real repositories (opt-in: CONTAINERANALYZERS_REAL_REPOS=1)" };
            yield break;
        }

        // Issue 24's layouts (host-published output, a restore layer without its restore inputs, a nested context, CMD on
        // the SDK image, a single-file publish) as small repositories of this one, then the real repositories when present.
        var layouts = Path.Combine(TestPaths.RepositoryRoot, "tests", "ContainerAnalyzers.Tests", "Containers", "Layouts");
        foreach (var data in FromManifest(layouts, "layout: "))
        {
            yield return data;
        }

        var root = TestPaths.FindCorpus("real-repos");
        if (root is null)
        {
            yield return new TestCaseData(string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, "default", string.Empty) { TestName = "real-repos corpus absent (../shared/corpora/real-repos)" };
            yield break;
        }

        foreach (var data in FromManifest(root, string.Empty))
        {
            yield return data;
        }
    }

    // One case per row and mode: folder, Dockerfile, project, the repository's own build (context and -f), kind, and the
    // commands the repository runs on the host before it builds the image (the layouts' 8th column).
    private static IEnumerable<TestCaseData> FromManifest(string root, string prefix)
    {
        foreach (var line in File.ReadLines(Path.Combine(root, "manifest.tsv")).Skip(1))
        {
            var columns = line.Split('\t');
            var build = Regex.Match(columns[3], @"context=(?<context>\S+) file=(?<file>\S+)");
            var prepare = columns.Length > 7 ? columns[7] : string.Empty;
            foreach (var mode in new[] { "default", "regenerate" })
            {
                yield return new TestCaseData(Path.Combine(root, columns[0]), columns[1], columns[2], build.Success ? build.Groups["context"].Value + " " + build.Groups["file"].Value : ". " + columns[1], columns[4], mode, prepare)
                {
                    TestName = $"{prefix}{columns[0]}/{columns[1]} ({(mode == "regenerate" ? "regenerate, forced" : "default")})",
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

        // The layouts of this repository run without the shared corpus; its repositories skip with a message when it is absent.
        ContainerSuite.PrepareOlderChannels("8.0", "9.0");
    }

    [OneTimeTearDown]
    public void WriteTable()
    {
        if (Rows.Count == 0)
        {
            return;
        }

        var table = new StringBuilder("| Repository | Dockerfile | Mode | Warnings before | Built before | Started before | Warnings after | Built after | Started after | Answered | Size before | Size after | Notes |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        foreach (var row in Rows)
        {
            table.AppendLine(row);
        }

        // Issue 24's measure: a Dockerfile that fails to build or start with no container warning is a silent failure.
        table.AppendLine().AppendLine($"Silent failures: {SilentBefore.Count} before the fix ({string.Join(", ", SilentBefore)}), {SilentAfter.Count} after it ({string.Join(", ", SilentAfter)}).");

        TestContext.Progress.WriteLine(table.ToString());
        if (Environment.GetEnvironmentVariable("CONTAINERANALYZERS_REAL_REPOS_REPORT") is { Length: > 0 } path)
        {
            File.WriteAllText(path, table.ToString());
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void FixedRepositoryBuildsWithItsOwnCommandAndStarts(string source, string dockerfile, string project, string build, string kind, string mode, string prepare)
    {
        if (source.Length == 0)
        {
            TestPaths.RequireCorpus("real-repos");
        }

        var repository = Path.GetFileName(source);
        var corpus = Path.GetDirectoryName(source)!;
        var root = Path.Combine(AnalyzerPackage.RunFolder, "real", Regex.Replace(repository + "-" + dockerfile + "-" + mode, "[^A-Za-z0-9]+", "-"));
        CopyFolder(source, root);
        var dockerfilePath = Path.Combine(root, dockerfile);
        var projectPath = Path.Combine(root, project);
        var words = build.Split(' ');
        if (NeedsBuildKit(File.ReadAllText(dockerfilePath)) is { } feature)
        {
            Record(repository, dockerfile, mode, Outcome.NotBuilt("needs BuildKit"), null, $"not measurable: the repository's own Dockerfile uses {feature}, which buildah 1.28 cannot build", null, null);
            Assert.Ignore("not measurable: " + feature);
        }

        var before = Before(corpus, repository, dockerfile, project, words, kind, prepare);
        var package = ExtractPackage();
        var warningsBefore = Warnings(projectPath, dockerfilePath);
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
        Assert.That(fix.ExitCode, Is.Zero, fix.Output);
        if (!fix.Output.Contains("ContainerAnalyzers: rewrote", StringComparison.Ordinal))
        {
            // The default fix leaves the file as it is: the repository builds and runs as it did.
            var why = fix.Output.Split('\n').FirstOrDefault(l => l.Contains("ContainerAnalyzers:", StringComparison.Ordinal))?.Trim() ?? "no output";
            Record(repository, dockerfile, mode, before, before, "unchanged: " + why.Replace(root, ".", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal), warningsBefore, warningsBefore);
            return;
        }

        var text = File.ReadAllText(dockerfilePath);
        TestContext.Out.WriteLine(text);
        Assert.That(NeedsBuildKit(text), Is.Null, "the fix never writes what buildah cannot build");
        if (HeaderCommand(text, dockerfile) is { } header)
        {
            // The header's command, pasted in the folder it names, is the repository's own: same context, same file.
            Assert.That(header, Is.EqualTo((Normalize(words[0]), Normalize(words[1]))), "the header's folder and -f, from the repository root");
        }

        Prepare(root, project, prepare);
        var after = Measure(root, words, kind, out var sources);
        var warningsAfter = Warnings(projectPath, dockerfilePath);
        var measurable = before.Started;
        Record(repository, dockerfile, mode, before, after, (measurable ? string.Empty : "not measurable: the original " + before.Why + "; ")
            + (after.Built ? (after.Started ? string.Empty : "the fixed image " + after.Why) : "the fixed file: " + after.Why) + (sources > 0 ? $"; **{sources} source files in the final image**" : string.Empty), warningsBefore, warningsAfter);
        Assert.That(sources, Is.Zero, "the final image ships sources");
        if (!measurable && !(after.Built && after.Started))
        {
            Assert.Ignore("not measurable: the repository's own Dockerfile " + before.Why);
        }

        Assert.That(after.Built, Is.True, "the fixed Dockerfile does not build with the repository's command: " + after.Why);
        Assert.That(after.Started, Is.True, "the fixed image does not start: " + after.Why);
    }

    /// <summary>What building and starting one Dockerfile gave: built, started, answered HTTP (web apps), the image size.</summary>
    private sealed record Outcome(bool Built, bool Started, int? HttpStatus, long? Size, string Why, bool AskedHttp = false)
    {
        public static Outcome NotBuilt(string why) => new(false, false, null, null, why);
    }

    private static readonly Dictionary<string, Outcome> Befores = new(StringComparer.Ordinal);

    // The repository's own Dockerfile, built and started the same way, once per Dockerfile: the row's "before", and
    // the test of whether a failure after the fix is the fix's (an image with no stand-in, output published on the host,
    // configuration the app only gets from compose make a case not measurable).
    private static Outcome Before(string corpus, string repository, string dockerfile, string project, string[] build, string kind, string prepare)
    {
        var key = repository + "/" + dockerfile;
        lock (Befores)
        {
            if (Befores.TryGetValue(key, out var known))
            {
                return known;
            }
        }

        var root = Path.Combine(AnalyzerPackage.RunFolder, "real", Regex.Replace(repository + "-" + dockerfile + "-original", "[^A-Za-z0-9]+", "-"));
        CopyFolder(Path.Combine(corpus, repository), root);
        Prepare(root, project, prepare);
        var outcome = Measure(root, build, kind, out _);
        lock (Befores)
        {
            Befores[key] = outcome;
        }

        return outcome;
    }

    // What the repository's workflow runs on the host before it builds the image (dotnet publish, for a Dockerfile that
    // copies the host's publish output), in the project's folder.
    private static void Prepare(string root, string project, string prepare)
    {
        if (prepare.Length == 0)
        {
            return;
        }

        var words = prepare.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(words[0], Is.EqualTo("dotnet"), "a layout prepares with dotnet commands only");
        var result = ProcessRunner.Dotnet(Path.GetDirectoryName(Path.Combine(root, project))!, words.Skip(1).Append("-nologo").ToArray());
        Assert.That(result.ExitCode, Is.Zero, prepare + ":\n" + result.Output);
    }

    private static Outcome Measure(string root, string[] build, string kind, out int sources)
    {
        sources = 0;
        var tag = "localhost/containeranalyzers-real/" + Guid.NewGuid().ToString("N")[..10] + ":latest";
        var built = ContainerSuite.Engine.Build(root, tag, build[1], build[0]);
        if (built.ExitCode != 0)
        {
            return Outcome.NotBuilt(Regex.Match(built.Output, @"(?<image>\S+): image not known") is { Success: true } missing
                ? "needs " + missing.Groups["image"].Value + ", which has no stand-in here"
                : "does not build: " + LastLines(built.Output));
        }

        try
        {
            sources = ContainerSuite.Engine.ListFiles(tag).Count(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".csproj", StringComparison.Ordinal));
            var size = ContainerSuite.Engine.GetImageSize(tag);
            var (started, state, status) = ContainerSuite.Engine.StartWatchAndAsk(tag, TimeSpan.FromSeconds(8), askHttp: kind == "web");
            if (!started && AppExitedOnItsOwn(state) is { } exit)
            {
                // A command-line app run without its arguments prints its usage and exits non-zero: its Main ran, so the
                // image starts; what it was given is the run command's business, not the Dockerfile's.
                return new Outcome(true, true, status, size, "the app ran and exited " + exit + " on its own: " + LastLines(state), AskedHttp: kind == "web");
            }

            return new Outcome(true, started, status, size, started ? state : "does not start: " + LastLines(state), AskedHttp: kind == "web");
        }
        finally
        {
            ContainerSuite.Engine.RemoveImage(tag);
        }
    }

    /// <summary>
    /// The exit code when the container's app itself chose to exit: 1–124, with no unhandled exception in its output. Not
    /// what the runtime or the host does when the image cannot start the app: 125–127 (podman, a command that cannot be
    /// run or found), 128 and up (a signal, an abort, the .NET host's own failures such as 155 for "dotnet dotnet").
    /// </summary>
    internal static int? AppExitedOnItsOwn(string state)
    {
        var match = Regex.Match(state, @"^exited (\d+)");
        if (!match.Success || !int.TryParse(match.Groups[1].Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code))
        {
            return null;
        }

        return code is >= 1 and <= 124 && !state.Contains("Unhandled exception", StringComparison.Ordinal) && !state.Contains("does not exist", StringComparison.Ordinal)
            && !state.Contains("You must install or update .NET", StringComparison.Ordinal) && !state.Contains("Failed to ", StringComparison.Ordinal) ? code : null;
    }

    // The folder the generated header says to build from, and its -f, both relative to the repository root.
    internal static (string Context, string File)? HeaderCommand(string text, string dockerfile)
    {
        var header = string.Join(" ", text.TrimStart('\uFEFF').Split('\n').TakeWhile(l => l.StartsWith('#')).Select(l => l.TrimStart('#').Trim()));
        var command = Regex.Match(header, @"docker build -t \S+(?: -f (?<file>\S+))? \.");
        if (!command.Success)
        {
            return null;
        }

        var folder = header.Contains("Build it from this folder", StringComparison.Ordinal) ? "." : Regex.Match(header, @"The build context is (?<folder>\S+) ").Groups["folder"].Value;
        var context = Normalize(Path.Combine(Path.GetDirectoryName(dockerfile) is { Length: > 0 } d ? d : ".", folder));
        return (context, Normalize(Path.Combine(context, command.Groups["file"].Success ? command.Groups["file"].Value : "Dockerfile")));
    }

    private static string Normalize(string path)
    {
        var full = Path.GetFullPath(Path.Combine("/repository-root", path));
        return full == "/repository-root" ? "." : Path.GetRelativePath("/repository-root", full);
    }

    // Features of BuildKit's Dockerfile frontend that buildah 1.28 (Debian 12) rejects.
    private static string? NeedsBuildKit(string dockerfile)
        => Regex.IsMatch(dockerfile, @"^\s*(COPY|ADD)\b[^\n]*--link", RegexOptions.Multiline | RegexOptions.IgnoreCase) ? "COPY --link"
            : Regex.IsMatch(dockerfile, @"^\s*(RUN|COPY)\b[^\n]*<<-?[""']?[A-Za-z_]", RegexOptions.Multiline | RegexOptions.IgnoreCase) ? "a heredoc"
            : null;

    // The container warnings a build with the package reports on the repository as it is now (the Dockerfile, its
    // .dockerignore and compose files): "CTR0001, CTR0002", or "none". The analyzers are added the way NuGet adds them.
    private static string Warnings(string projectPath, string dockerfilePath)
    {
        var package = ExtractPackage();
        var targets = Path.Combine(AnalyzerPackage.RunFolder, "with-analyzers.targets");
        lock (Rows)
        {
            File.WriteAllText(targets, $"""
                <Project>
                  <Import Project="{Path.Combine(package, "build", "ContainerAnalyzers.targets")}" />
                  <ItemGroup>
                    <Analyzer Include="{Path.Combine(package, "analyzers", "dotnet", "cs")}/*.dll" />
                  </ItemGroup>
                </Project>
                """);
        }

        var build = ProcessRunner.Dotnet(Path.GetDirectoryName(projectPath)!, "build", projectPath, "-nologo", "-v:m", "-nodeReuse:false", "--no-incremental",
            "-p:DockerfileFile=" + Path.GetRelativePath(Path.GetDirectoryName(projectPath)!, dockerfilePath),
            "-p:CustomBeforeMicrosoftCommonProps=" + Path.Combine(package, "build", "ContainerAnalyzers.props"),
            "-p:CustomAfterMicrosoftCommonTargets=" + targets,
            "-p:TreatWarningsAsErrors=false", "-p:RunAnalyzers=true");
        var ids = Regex.Matches(build.Output, @"warning (CTR\d{4})").Select(m => m.Groups[1].Value).Distinct().OrderBy(i => i, StringComparer.Ordinal).ToArray();
        return build.ExitCode != 0 && ids.Length == 0 ? "? (the project does not build here)" : ids.Length == 0 ? "none" : string.Join(", ", ids);
    }

    private static void Record(string repository, string dockerfile, string mode, Outcome before, Outcome? after, string notes, string? warningsBefore, string? warningsAfter)
    {
        // A silent failure: no container warning, and the image does not build or start for a reason in its files
        // (not for a missing stand-in image or a feature buildah lacks, which say nothing about the files).
        var beyondHere = before.Why.Contains("no stand-in", StringComparison.Ordinal) || before.Why.Contains("BuildKit", StringComparison.Ordinal);
        if (warningsBefore == "none" && !before.Started && !beyondHere)
        {
            lock (Rows)
            {
                SilentBefore.Add(repository + "/" + dockerfile);
            }
        }

        // After the fix, only where the original can be judged here: a fixed image that cannot start because the original's
        // image has no stand-in, or the app needs configuration only compose gives it, says nothing about the fix.
        if (mode == "default" && warningsAfter == "none" && after is { Started: false } && !beyondHere && !after.Why.Contains("no stand-in", StringComparison.Ordinal))
        {
            lock (Rows)
            {
                SilentAfter.Add(repository + "/" + dockerfile);
            }
        }

        static string Yes(bool value) => value ? "yes" : "no";
        static string Answer(Outcome? o) => o is not { Started: true, AskedHttp: true } ? "-" : o.HttpStatus is { } status ? "HTTP " + status.ToString(System.Globalization.CultureInfo.InvariantCulture) : "no";
        static string Size(Outcome? o) => o?.Size is { } size ? ContainerSuite.FormatSize(size) : "-";
        var row = $"| {repository} | {dockerfile} | {mode} | {warningsBefore ?? "-"} | {Yes(before.Built)} | {Yes(before.Started)} | {warningsAfter ?? "-"} | {(after is null ? "-" : Yes(after.Built))} | {(after is null ? "-" : Yes(after.Started))} | {Answer(after)} | {Size(before)} | {Size(after)} | {notes.Replace("\n", " ", StringComparison.Ordinal)} |";
        lock (Rows)
        {
            Rows.Add(row);
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

/// <summary>What the real-repository suite counts as an image that starts when its app exits (issue 24's measure).</summary>
[TestFixture]
public sealed class AppExitTests
{
    [TestCase("exited 1\nUsage: tool <file> [--format json]", 1)]
    [TestCase("exited 2\nerror: missing argument", 2)]
    public void TheAppsOwnExit_Counts(string state, int code) => Assert.That(RealRepositoryContainerTests.AppExitedOnItsOwn(state), Is.EqualTo(code));

    [TestCase("exited 155\nCould not execute because the application was not found")]
    [TestCase("exited 134\nUnhandled exception. System.IO.FileNotFoundException")]
    [TestCase("exited 1\nUnhandled exception. System.InvalidOperationException")]
    [TestCase("exited 127\nexec: dotnet: not found")]
    [TestCase("exited 1\nThe application '/app/App.dll' does not exist.")]
    [TestCase("exited 150\nYou must install or update .NET to run this application.")]
    [TestCase("running")]
    public void AStartFailure_DoesNot(string state) => Assert.That(RealRepositoryContainerTests.AppExitedOnItsOwn(state), Is.Null);
}
