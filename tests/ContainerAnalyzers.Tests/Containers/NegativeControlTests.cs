using System.Text.RegularExpressions;
using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Containers;

/// <summary>
/// Shows that the rules are right about what fails: each control breaks a fixed Dockerfile the way a rule warns
/// about, checks that the rule warns, and then that the image really fails to build or to start.
/// </summary>
[TestFixture]
[Category("Container")]
[NonParallelizable]
public sealed class NegativeControlTests
{
    private string _project = null!;
    private string _dockerfile = null!;
    private string _fixedText = null!;

    [OneTimeSetUp]
    public void FixAConsoleApp()
    {
        _project = ContainerWorkflow.WriteApp(ContainerApp.Console());
        _dockerfile = ContainerWorkflow.FixDockerfile(_project);
        _fixedText = File.ReadAllText(_dockerfile);
        Assert.That(_fixedText, Does.Contain("-noble-chiseled").And.Contain("ENTRYPOINT [\"dotnet\", \"Hello.dll\"]"), _fixedText);
    }

    // A shell-form ENTRYPOINT is run by /bin/sh -c, which a chiseled image does not have.
    [Test]
    public void ShellFormEntrypointOnChiseledImageBuildsButCannotStart()
    {
        var image = BreakAndBuild("CTR0030", text => text.Replace("ENTRYPOINT [\"dotnet\", \"Hello.dll\"]", "ENTRYPOINT dotnet Hello.dll", StringComparison.Ordinal), out var build);
        Assert.That(build.ExitCode, Is.Zero, build.Output);
        try
        {
            var run = ContainerSuite.Engine.RunToCompletion(image);
            Assert.That(run.ExitCode, Is.EqualTo(127), run.Output);
            Assert.That(run.Output, Does.Contain("/bin/sh"), run.Output);
            ContainerSuite.Report("control: CTR0030 shell-form ENTRYPOINT", build.Duration, "-", "-", $"built; start fails, exit {run.ExitCode} ({FirstLine(run.Output, "/bin/sh")})");
        }
        finally
        {
            ContainerSuite.Engine.RemoveImage(image);
        }
    }

    // RUN needs /bin/sh too: in the chiseled stage the build itself fails.
    [Test]
    public void RunInChiseledStageFailsTheBuild()
    {
        var image = BreakAndBuild("CTR0031", text => Regex.Replace(text, @"^USER \$APP_UID", "RUN mkdir -p /app/data\nUSER $APP_UID", RegexOptions.Multiline), out var build);
        Assert.That(build.ExitCode, Is.Not.Zero, "a RUN in the chiseled stage must fail the build:\n" + build.Output);
        Assert.That(build.Output, Does.Contain("/bin/sh"), build.Output);
        ContainerSuite.Report("control: CTR0031 RUN in the chiseled stage", build.Duration, "-", "-", $"build fails, exit {build.ExitCode} ({FirstLine(build.Output, "/bin/sh")})");
        ContainerSuite.Engine.RemoveImage(image);
    }

    // The ENTRYPOINT names a dll the publish does not produce.
    [Test]
    public void WrongEntrypointDllFailsAtStart()
    {
        var image = BreakAndBuild("CTR0023", text => text.Replace("\"Hello.dll\"", "\"HelloWorld.dll\"", StringComparison.Ordinal), out var build);
        Assert.That(build.ExitCode, Is.Zero, build.Output);
        try
        {
            var run = ContainerSuite.Engine.RunToCompletion(image);
            Assert.That(run.ExitCode, Is.Not.Zero, run.Output);
            Assert.That(run.Output, Does.Contain("HelloWorld.dll"), run.Output);
            ContainerSuite.Report("control: CTR0023 wrong ENTRYPOINT dll", build.Duration, "-", "-", $"built; start fails, exit {run.ExitCode} ({FirstLine(run.Output, "HelloWorld.dll")})");
        }
        finally
        {
            ContainerSuite.Engine.RemoveImage(image);
        }
    }

    /// <summary>Writes the broken Dockerfile, checks that <paramref name="ruleId"/> warns about it, and builds the image.</summary>
    // The chiseled images start /usr/bin/dotnet themselves: a CMD that starts dotnet again runs "dotnet dotnet Hello.dll".
    [Test]
    public void CmdThatRepeatsTheImagesEntrypointFailsAtStart()
    {
        var image = BreakAndBuild("CTR0036", text => text.Replace("ENTRYPOINT [\"dotnet\", \"Hello.dll\"]", "CMD [\"dotnet\", \"Hello.dll\"]", StringComparison.Ordinal), out var build);
        Assert.That(build.ExitCode, Is.Zero, build.Output);
        try
        {
            var run = ContainerSuite.Engine.RunToCompletion(image);
            Assert.That(run.ExitCode, Is.Not.Zero, run.Output);
            Assert.That(run.Output, Does.Not.Contain("hello from console"), run.Output);
            ContainerSuite.Report("control: CTR0036 CMD repeats the entry point", build.Duration, "-", "-", $"built; start fails, exit {run.ExitCode} ({FirstLine(run.Output, "dotnet")})");
        }
        finally
        {
            ContainerSuite.Engine.RemoveImage(image);
        }
    }

    private string BreakAndBuild(string ruleId, Func<string, string> breakIt, out Infrastructure.ProcessResult build)
    {
        var broken = breakIt(_fixedText);
        Assert.That(broken, Is.Not.EqualTo(_fixedText), "the control must change the Dockerfile");
        File.WriteAllText(_dockerfile, broken);
        try
        {
            var analysis = ContainerWorkflow.DotnetBuild(_project);
            Assert.That(analysis.Output, Does.Contain($"warning {ruleId}:"), $"{ruleId} must warn about:\n{broken}\n{analysis.Output}");
            var image = "localhost/containeranalyzers-test/control-" + ruleId.ToLowerInvariant() + ":" + Guid.NewGuid().ToString("N")[..8];
            build = ContainerWorkflow.BuildImage(_dockerfile, image);
            return image;
        }
        finally
        {
            File.WriteAllText(_dockerfile, _fixedText);
        }
    }

    private static string FirstLine(string output, string containing)
        => output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains(containing, StringComparison.Ordinal)) is { } line
            ? line.Replace("|", "\\|", StringComparison.Ordinal)
            : "no line";
}

/// <summary>
/// Issue 28's controls, for rules about what the app needs at run time: the fixed image of an app that needs it runs
/// and prints what it should; the same app with one change the rule warns about builds, and then fails to start with
/// the exception the rule names.
/// </summary>
[TestFixture]
[Category("Container")]
[NonParallelizable]
public sealed class RuntimeNeedsControlTests
{
    // CTR0037: on the chiseled image without -extra there is no time-zone database.
    [Test]
    public void TimeZoneWithoutTheDatabase()
    {
        var project = ContainerWorkflow.WriteApp(ContainerApp.TimeZones());
        var dockerfile = ContainerWorkflow.FixDockerfile(project);
        Assert.That(File.ReadAllText(dockerfile), Does.Contain("-noble-chiseled-extra"));
        GoodThenBroken("CTR0037", dockerfile, "Europe/Paris 14:00", "TimeZoneNotFoundException",
            () => File.WriteAllText(dockerfile, File.ReadAllText(dockerfile).Replace("-noble-chiseled-extra", "-noble-chiseled", StringComparison.Ordinal)), project);
    }

    // CTR0038: the project turns invariant mode on, and .NET 8+ refuses to create de-DE.
    [Test]
    public void CultureInInvariantMode()
    {
        var project = ContainerWorkflow.WriteApp(ContainerApp.Cultures());
        var dockerfile = ContainerWorkflow.FixDockerfile(project);
        GoodThenBroken("CTR0038", dockerfile, "de-DE 1.234,50", "CultureNotFoundException",
            () => File.WriteAllText(project, File.ReadAllText(project).Replace("<OutputType>Exe</OutputType>", "<OutputType>Exe</OutputType><InvariantGlobalization>true</InvariantGlobalization>", StringComparison.Ordinal)), project);
    }

    // CTR0039: WORKDIR makes /app as root and USER comes after it, so the app user cannot create its database there;
    // the rule's own fix (USER before WORKDIR) makes the folder the user's.
    [Test]
    public void DatabaseInAFolderTheUserCannotWrite() => WriteFailsUntilFixed(
        ContainerApp.Ledger(),
        CodeSource.SqliteDatabase(literal: "Data Source=ledger.db", write: "ExecuteNonQuery"),
        "SQLite Error 14: 'unable to open database file'",
        "ledger rows 1");

    // CTR0039's shipped file: /app is the app user's on the chiseled image, but the database the project copies to its
    // output arrives root's; the rule's fix copies the app as the user.
    [Test]
    public void ShippedDatabaseTheUserCannotWrite() => WriteFailsUntilFixed(
        ContainerApp.LedgerShippingItsDatabase(),
        CodeSource.SqliteDatabase(literal: "Data Source=ledger.db", write: "ExecuteNonQuery"),
        "SQLite Error 8: 'attempt to write a readonly database'",
        "ledger rows 1");

    // The headline fix moves an app from the SDK image (root) to the chiseled one (app). An app that ships its SQLite
    // database and writes it (the Identity templates' app.db) keeps working: the rewrite copies the app as app.
    [Test]
    public void TheRewriteKeepsAShippedDatabaseWritable()
    {
        var project = ContainerWorkflow.WriteApp(ContainerApp.LedgerShippingItsDatabase());
        var dockerfile = Path.Combine(Path.GetDirectoryName(project)!, "Dockerfile");
        File.WriteAllText(dockerfile, "FROM mcr.microsoft.com/dotnet/sdk:10.0\nWORKDIR /app\nCOPY . .\nRUN dotnet publish -c Release -o out\nENTRYPOINT [\"dotnet\", \"out/Ledger.dll\"]\n");
        var before = "localhost/containeranalyzers-test/rewrite-ledger-before:" + Guid.NewGuid().ToString("N")[..8];
        var after = "localhost/containeranalyzers-test/rewrite-ledger:" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            var original = ContainerWorkflow.BuildImage(dockerfile, before);
            Assert.That(original.ExitCode, Is.Zero, original.Output);
            Assert.That(ContainerSuite.Engine.RunToCompletion(before).Output, Does.Contain("ledger rows 1"), "the original runs as root and writes");

            ContainerWorkflow.FixDockerfile(project);
            Assert.That(File.ReadAllText(dockerfile), Does.Contain("--chown=app"));
            var rewritten = ContainerWorkflow.BuildImage(dockerfile, after);
            Assert.That(rewritten.ExitCode, Is.Zero, rewritten.Output);
            var run = ContainerSuite.Engine.RunToCompletion(after);
            Assert.That(run.Output, Does.Contain("ledger rows 1"), run.Output);
            ContainerSuite.Report("rewrite: shipped SQLite database", rewritten.Duration, "-", "-", "the rewritten image runs as app and still writes the database it ships");
        }
        finally
        {
            ContainerSuite.Engine.RemoveImage(before);
            ContainerSuite.Engine.RemoveImage(after);
        }
    }

    // CTR0039's other write: a file by a literal path in the same folder.
    [Test]
    public void FileInAFolderTheUserCannotWrite() => WriteFailsUntilFixed(
        ContainerApp.Notes(),
        new CodeSource(Semantics.CodeEndpoints.None, fileWrites: new[] { ("notes.txt", "Program.cs:1") }),
        "System.UnauthorizedAccessException: Access to the path '/app/notes.txt' is denied.",
        "notes saved");

    // CTR0039 warns on the app's Dockerfile, its image builds and fails at the write, and the image of the rule's own fix
    // (computed by the engine on the evidence the compilation gives the analyzer: what the IDE offers) writes.
    private static void WriteFailsUntilFixed(ContainerApp app, CodeSource evidence, string failure, string expected)
    {
        var project = ContainerWorkflow.WriteApp(app);
        var dockerfile = Path.Combine(Path.GetDirectoryName(project)!, "Dockerfile");
        var broken = File.ReadAllText(dockerfile);
        var analysis = ContainerWorkflow.DotnetBuild(project);
        Assert.That(analysis.Output, Does.Contain("warning CTR0039:"), analysis.Output);
        var fixedText = EngineTest.ForApp("net10.0", web: false).WithProject(project, File.ReadAllText(project)).WithSource(evidence)
            .Analyze(broken, new CTR0039FolderNotWritableRule()).Single().Fixes.Single().ApplyTo(broken)!;

        var bad = "localhost/containeranalyzers-test/control-ctr0039:" + Guid.NewGuid().ToString("N")[..8];
        var good = "localhost/containeranalyzers-test/control-ctr0039-good:" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            var built = ContainerWorkflow.BuildImage(dockerfile, bad);
            Assert.That(built.ExitCode, Is.Zero, built.Output);
            var run = ContainerSuite.Engine.RunToCompletion(bad);
            Assert.That(run.ExitCode, Is.Not.Zero, run.Output);
            Assert.That(run.Output, Does.Contain(failure), run.Output);

            File.WriteAllText(dockerfile, fixedText);
            var rebuilt = ContainerWorkflow.BuildImage(dockerfile, good);
            Assert.That(rebuilt.ExitCode, Is.Zero, rebuilt.Output);
            var ran = ContainerSuite.Engine.RunToCompletion(good);
            Assert.That(ran.Output, Does.Contain(expected), ran.Output);
            Assert.That(ContainerWorkflow.DotnetBuild(project).Output, Does.Not.Contain("warning CTR0039:"), "the fixed Dockerfile is clean");
            ContainerSuite.Report($"control: CTR0039 ({app.Kind})", built.Duration, "-", "-", $"built; start fails, exit {run.ExitCode} ({failure}); with the rule's fix the app prints {expected}");
        }
        finally
        {
            ContainerSuite.Engine.RemoveImage(bad);
            ContainerSuite.Engine.RemoveImage(good);
        }
    }

    // CTR0065: a sign-in cookie from one container is rejected by the next container of the same image (a redeploy, or
    // another replica), and accepted when the key folder is a volume both containers mount.
    [Test]
    public void DataProtectionKeysLostWithTheContainer()
    {
        var project = ContainerWorkflow.WriteApp(ContainerApp.CookieSignIn());
        var folder = Path.GetDirectoryName(project)!;
        var analysis = ContainerWorkflow.DotnetBuild(project);
        Assert.That(analysis.Output, Does.Contain("warning CTR0065:"), analysis.Output);

        var image = "localhost/containeranalyzers-test/control-ctr0065:" + Guid.NewGuid().ToString("N")[..8];
        var keys = Directory.CreateDirectory(Path.Combine(folder, "keys")).FullName;
        if (!OperatingSystem.IsWindows())
        {
            // The app user (UID 1654) writes its keys into the folder a bind mount gives it.
            File.SetUnixFileMode(keys, (UnixFileMode)0b111_111_111);
        }

        try
        {
            var built = ContainerWorkflow.BuildImage(Path.Combine(folder, "Dockerfile"), image);
            Assert.That(built.ExitCode, Is.Zero, built.Output);

            var cookies = new System.Net.CookieContainer();
            Assert.That(SignedInAcrossTwoContainers(image, cookies), Is.EqualTo((200, 401)), "the second container rejects the first one's cookie");

            var volume = new[] { "-v", keys + ":/home/app/.aspnet/DataProtection-Keys" };
            Assert.That(SignedInAcrossTwoContainers(image, new System.Net.CookieContainer(), volume), Is.EqualTo((200, 200)), "with the keys on a volume, it is accepted");
            ContainerSuite.Report("control: CTR0065", built.Duration, "-", "-", "built; a sign-in cookie is rejected (401) by the next container, accepted with a volume at the key folder");
        }
        finally
        {
            ContainerSuite.Engine.RemoveImage(image);
        }
    }

    // Signs in on one container, removes it, and asks a second container of the image who the cookie is for: the
    // HTTP status of /me on each.
    private static (int First, int Second) SignedInAcrossTwoContainers(string image, System.Net.CookieContainer cookies, params string[] runOptions)
    {
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { Timeout = TimeSpan.FromSeconds(5) };
        var port = ContainerEngine.GetFreePort();
        var first = ContainerSuite.Engine.StartWeb(image, port, runOptions);
        int firstStatus;
        try
        {
            Assert.That(Get(client, port, "/login").Status, Is.EqualTo(200), ContainerSuite.Engine.Logs(first));
            firstStatus = Get(client, port, "/me").Status;
        }
        finally
        {
            ContainerSuite.Engine.RemoveContainer(first);
        }

        var second = ContainerSuite.Engine.StartWeb(image, port, runOptions);
        try
        {
            return (firstStatus, Get(client, port, "/me").Status);
        }
        finally
        {
            ContainerSuite.Engine.RemoveContainer(second);
        }
    }

    // The first answer within 60 s (the app starts meanwhile).
    private static (int Status, string Body) Get(HttpClient client, int port, string path)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            try
            {
                using var response = client.GetAsync($"http://127.0.0.1:{port}{path}").GetAwaiter().GetResult();
                return ((int)response.StatusCode, response.Content.ReadAsStringAsync().GetAwaiter().GetResult());
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(250);
            }
        }
    }

    // CTR0052: the feed's password given to dotnet nuget add source is in the image for anyone who runs or pulls it.
    [Test]
    public void NuGetPasswordInALayer() => SecretReadableInTheImage(
        "add-source",
        "FROM mcr.microsoft.com/dotnet/sdk:10.0\nARG FEED_TOKEN=s3cret-feed-token\n"
            + "RUN dotnet nuget add source https://pkgs.example.invalid/v3/index.json --name acme --username build --password \"$FEED_TOKEN\" --store-password-in-clear-text\n"
            + "CMD [\"cat\", \"/root/.nuget/NuGet/NuGet.Config\"]\n",
        "s3cret-feed-token");

    // CTR0052's second form: a token build argument written into a nuget.config by the RUN, readable in the image.
    [Test]
    public void NuGetTokenWrittenIntoAConfigFile() => SecretReadableInTheImage(
        "sed",
        "FROM mcr.microsoft.com/dotnet/sdk:10.0\nARG NUGET_PAT=s3cret-pat-token\nWORKDIR /src\n"
            + "RUN echo '<configuration><packageSourceCredentials><acme><add key=\"ClearTextPassword\" value=\"%PAT%\" /></acme></packageSourceCredentials></configuration>' > nuget.config \\\n"
            + "    && sed -i \"s|%PAT%|$NUGET_PAT|\" nuget.config\n"
            + "CMD [\"cat\", \"/src/nuget.config\"]\n",
        "s3cret-pat-token");

    // CTR0052's third form: the NuGet.Config restore reads, with a stored password, copied in from the context.
    [Test]
    public void NuGetConfigWithAStoredPasswordCopiedIn() => SecretReadableInTheImage(
        "copy",
        "FROM mcr.microsoft.com/dotnet/sdk:10.0\nWORKDIR /src\nCOPY *.csproj nuget.config ./\nCMD [\"cat\", \"/src/nuget.config\"]\n",
        "s3cret-config-password",
        nugetConfig: "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration><packageSourceCredentials><acme><add key=\"Username\" value=\"build\" />"
            + "<add key=\"ClearTextPassword\" value=\"s3cret-config-password\" /></acme></packageSourceCredentials></configuration>\n");

    // CTR0052 warns on the Dockerfile, and the image it builds prints the secret from its own layer.
    private static void SecretReadableInTheImage(string form, string dockerfileText, string secret, string? nugetConfig = null)
    {
        var project = ContainerWorkflow.WriteApp(ContainerApp.Console());
        var dockerfile = Path.Combine(Path.GetDirectoryName(project)!, "Dockerfile");
        File.WriteAllText(dockerfile, dockerfileText);
        if (nugetConfig is not null)
        {
            File.WriteAllText(Path.Combine(Path.GetDirectoryName(project)!, "nuget.config"), nugetConfig);
        }

        var analysis = ContainerWorkflow.DotnetBuild(project);
        Assert.That(analysis.Output, Does.Contain("warning CTR0052:"), analysis.Output);

        var image = $"localhost/containeranalyzers-test/control-ctr0052-{form}:" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            var built = ContainerWorkflow.BuildImage(dockerfile, image);
            Assert.That(built.ExitCode, Is.Zero, built.Output);
            var run = ContainerSuite.Engine.RunToCompletion(image);
            Assert.That(run.Output, Does.Contain(secret), "the layer's NuGet config holds the secret:\n" + run.Output);
            var history = ContainerSuite.Engine.History(image);
            ContainerSuite.Report($"control: CTR0052 ({form})", built.Duration, "-", "-", "built; the secret is in the layer's NuGet config" + (history.Contains(secret, StringComparison.Ordinal) ? " and in the image's history" : string.Empty));
        }
        finally
        {
            ContainerSuite.Engine.RemoveImage(image);
        }
    }

    private static void GoodThenBroken(string ruleId, string dockerfile, string expected, string exception, Action breakIt, string project)
    {
        var tag = "localhost/containeranalyzers-test/control-" + ruleId.ToLowerInvariant();
        var good = tag + "-good:" + Guid.NewGuid().ToString("N")[..8];
        var bad = tag + ":" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            var built = ContainerWorkflow.BuildImage(dockerfile, good);
            Assert.That(built.ExitCode, Is.Zero, built.Output);
            var ran = ContainerSuite.Engine.RunToCompletion(good);
            Assert.That(ran.Output, Does.Contain(expected), ran.Output);

            breakIt();
            var analysis = ContainerWorkflow.DotnetBuild(project);
            Assert.That(analysis.Output, Does.Contain($"warning {ruleId}:"), analysis.Output);
            var broken = ContainerWorkflow.BuildImage(dockerfile, bad);
            Assert.That(broken.ExitCode, Is.Zero, broken.Output);
            var run = ContainerSuite.Engine.RunToCompletion(bad);
            Assert.That(run.ExitCode, Is.Not.Zero, run.Output);
            Assert.That(run.Output, Does.Contain(exception), run.Output);
            ContainerSuite.Report($"control: {ruleId}", broken.Duration, "-", "-", $"built; start fails, exit {run.ExitCode} ({exception}); the fixed app prints {expected}");
        }
        finally
        {
            ContainerSuite.Engine.RemoveImage(good);
            ContainerSuite.Engine.RemoveImage(bad);
        }
    }
}
