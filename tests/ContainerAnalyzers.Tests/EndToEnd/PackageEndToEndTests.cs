using System.Globalization;
using System.Text.RegularExpressions;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.EndToEnd;

/// <summary>
/// Packs the real .nupkg once, then builds temporary consumer projects that reference it from a local folder feed,
/// with this machine's `dotnet build`. This proves the package loads in the SDK's compiler (no CS8032, CS9057 or
/// AD0001) and that diagnostics come out located in the Dockerfile.
/// </summary>
[TestFixture]
[Category("EndToEnd")]
[NonParallelizable]
public sealed class PackageEndToEndTests
{
    private const string BadDockerfile = """
        FROM mcr.microsoft.com/dotnet/sdk:{0}
        WORKDIR /app
        COPY . .
        RUN dotnet publish -c Release -o out
        ENTRYPOINT ["dotnet", "out/{1}.dll"]
        """;

    private const string ChiseledDockerfile = """
        # syntax=docker/dockerfile:1
        FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:{0}-noble AS build
        ARG TARGETARCH
        WORKDIR /source
        COPY *.csproj .
        RUN dotnet restore -a $TARGETARCH
        COPY . .
        RUN dotnet publish -a $TARGETARCH --no-restore -o /app

        FROM mcr.microsoft.com/dotnet/{2}:{0}-noble-chiseled
        WORKDIR /app
        COPY --from=build /app .
        USER $APP_UID
        ENTRYPOINT ["dotnet", "{1}.dll"]
        """;

    private string _workRoot = null!;

    [OneTimeSetUp]
    public void PackTheAnalyzerPackage() => _workRoot = ConsumerProject.PrepareWorkRoot("e2e");

    [TestCase("Microsoft.NET.Sdk", "net8.0", "8.0")]
    [TestCase("Microsoft.NET.Sdk", "net10.0", "10.0")]
    [TestCase("Microsoft.NET.Sdk.Web", "net8.0", "8.0")]
    [TestCase("Microsoft.NET.Sdk.Web", "net10.0", "10.0")]
    public void BadDockerfileWarnsAtItsLocation(string sdk, string targetFramework, string dotnetVersion)
    {
        var consumer = CreateConsumer(sdk, targetFramework, string.Format(CultureInfo.InvariantCulture, BadDockerfile, dotnetVersion, "Consumer"));

        var result = Build(consumer);

        Assert.That(result.ExitCode, Is.Zero, result.Output);
        Assert.That(result.Output, Does.Contain("Dockerfile(1,6): warning CTR0002:"));
        Assert.That(result.Output, Does.Contain("Dockerfile(4,1): warning CTR0001:"));
        AssertAnalyzerLoaded(result);
    }

    // Issue 26: on an SDK host the package carries precompiled analyzers for, the compiler gets the ReadyToRun copy
    // (readytorun/<rid>/) instead of analyzers/dotnet/cs, loads it without complaint, and reports exactly what the IL
    // copy reports. ContainerAnalyzersReadyToRun=false hands it the IL copy.
    [Test]
    public void TheCompilerGetsThePrecompiledAnalyzersAndTheyReportWhatTheIlReports()
    {
        var rid = PrecompiledHost();
        var consumer = CreateConsumer("Microsoft.NET.Sdk.Web", "net10.0", string.Format(CultureInfo.InvariantCulture, BadDockerfile, "10.0", "Consumer"));

        var precompiled = Build(consumer, "--no-incremental", "-v:d");
        var il = Build(consumer, "--no-incremental", "-v:d", "-p:ContainerAnalyzersReadyToRun=false");

        var readyToRun = $"readytorun{Path.DirectorySeparatorChar}{rid}{Path.DirectorySeparatorChar}ContainerAnalyzers.dll";
        var ilCopy = string.Join(Path.DirectorySeparatorChar, "analyzers", "dotnet", "cs", "ContainerAnalyzers.dll");
        Assert.That(precompiled.ExitCode, Is.Zero, precompiled.Output);
        Assert.That(precompiled.Output, Does.Contain(readyToRun).And.Not.Contain(ilCopy), "the compiler's command line names the precompiled copy");
        Assert.That(il.ExitCode, Is.Zero, il.Output);
        Assert.That(il.Output, Does.Contain(ilCopy).And.Not.Contain(readyToRun));
        AssertAnalyzerLoaded(precompiled);
        static IEnumerable<string> Warnings(ProcessResult result) => result.Output.Split('\n')
            .Where(l => l.Contains(": warning CTR", StringComparison.Ordinal))
            .Select(l => l.Trim())
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        Assert.That(Warnings(precompiled), Is.Not.Empty.And.EqualTo(Warnings(il)));
    }

    // Issue 26: what a compiler without the server pays for the precompiled analyzers is mostly the JIT's work on code
    // ReadyToRun cannot put in the package's image: the framework's generic code over the package's own value types
    // (List<SomeStruct>, Dictionary<string, SomeEnum>, LINQ over them). The cold path was cleared of it; this keeps it
    // clear. The build's own compiler command line runs again in a fresh process with the runtime's JIT summary, on a
    // project that takes every input path (Dockerfile, compose file, appsettings, code endpoints), and every method it
    // compiles that names a type of the package must be one of the few known ones. A new one is a framework generic
    // over one of our structs or enums on a path every build takes: use a record, a string or a loop instead (see the
    // README's cold-path rule), or, when it is only off the cold path, add it here with the reason.
    [Test]
    public void AFreshCompilerJitCompilesNothingNewForThePrecompiledAnalyzers()
    {
        var rid = PrecompiledHost();
        var consumer = CreateConsumer("Microsoft.NET.Sdk.Web", "net10.0", string.Format(CultureInfo.InvariantCulture, BadDockerfile, "10.0", "Consumer"));
        var folder = Path.GetDirectoryName(consumer)!;
        File.WriteAllText(Path.Combine(folder, "Program.cs"), "var builder = WebApplication.CreateBuilder(args);\nbuilder.WebHost.UseUrls(\"http://+:5000\");\nvar app = builder.Build();\napp.MapGet(\"/\", () => \"hello\");\napp.Run();\n");
        File.WriteAllText(Path.Combine(folder, "appsettings.json"), "{ \"Kestrel\": { \"Endpoints\": { \"Http\": { \"Url\": \"http://+:5000\" } } } }\n");
        File.WriteAllText(Path.Combine(folder, "compose.yaml"), "services:\n  consumer:\n    build: .\n    ports:\n      - \"8080:80\"\n");

        var build = Build(consumer, "--no-incremental", "-v:d", "-p:UseSharedCompilation=false");
        Assert.That(build.ExitCode, Is.Zero, build.Output);
        var command = CompilerCommandLine.Find(build.Output);
        Assert.That(command, Is.Not.Null, "the build's log names the compiler's command line");
        var (compiler, arguments) = command!.Value;
        Assert.That(arguments, Does.Contain($"readytorun{Path.DirectorySeparatorChar}{rid}"), "the compiler gets the precompiled analyzers");

        var responseFile = Path.Combine(folder, "csc.rsp");
        var jitSummary = Path.Combine(folder, "jit.txt");
        File.WriteAllText(responseFile, arguments);
        var compile = ProcessRunner.Run(
            "dotnet",
            folder,
            new[] { compiler, "@" + responseFile },
            TimeSpan.FromMinutes(5),
            new Dictionary<string, string> { ["DOTNET_JitStdOutFile"] = jitSummary, ["DOTNET_JitDisasmSummary"] = "1" });
        Assert.That(compile.ExitCode, Is.Zero, compile.Output);
        Assert.That(compile.Output, Does.Contain("warning CTR0060"), "the compose file's analysis ran in this compiler");

        // "12: JIT compiled Type[Arguments]:Method(Parameters) [Tier0, IL size=9, code size=41]": the method, without
        // its parameters (overloads are one entry). Only first compilations count: a Tier1 line is the runtime
        // optimising code that was already running (precompiled code it found hot), which depends on timing.
        var compiled = File.ReadLines(jitSummary)
            .Select(l => Regex.Match(l, @"JIT compiled (?<method>[^(]*)\(.*\[(?<tier>[^,\]]*)"))
            .Where(m => m.Success && !m.Groups["tier"].Value.Contains("Tier1", StringComparison.Ordinal))
            .Select(m => m.Groups["method"].Value)
            .ToList();
        Assert.That(compiled, Has.Count.GreaterThan(1000), "the runtime wrote its JIT summary (the compiler's own methods are in it)");
        var ours = compiled.Where(m => m.Contains("ContainerAnalyzers.", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        Assert.That(ours.Except(KnownJitCompiledMethods, StringComparer.Ordinal), Is.Empty, "methods a fresh compiler now JIT-compiles for the package:\n" + string.Join("\n", ours));
    }

    // What a fresh compiler still JIT-compiles that names a type of the package, each on a path every build takes: the
    // engine's public facts keep these shapes (VariableValue and SourceSpan are structs the rules and the fixer share).
    private static readonly string[] KnownJitCompiledMethods =
    {
        "System.Collections.Generic.Dictionary`2[System.__Canon,ContainerAnalyzers.Semantics.VariableValue]:.ctor",
        "System.Collections.Generic.Dictionary`2[System.__Canon,ContainerAnalyzers.Text.SourceSpan]:.ctor",
        "System.SZArrayHelper:get_Count[System.ValueTuple`2[System.__Canon,ContainerAnalyzers.Text.SourceSpan]]",
    };

    // Issue 28: the package hands the NuGet.Config restore reads to the compiler, so a COPY of it with a stored
    // password is reported where it is written.
    [Test]
    public void CopiedNuGetConfigWithAStoredPasswordIsReported()
    {
        var consumer = CreateConsumer("Microsoft.NET.Sdk.Web", "net10.0", "FROM mcr.microsoft.com/dotnet/sdk:10.0\nWORKDIR /src\nCOPY Consumer.csproj nuget.config ./\nRUN dotnet restore\n");
        var config = Path.Combine(Path.GetDirectoryName(consumer)!, "nuget.config");
        File.WriteAllText(config, File.ReadAllText(config).Replace("</configuration>", "<packageSourceCredentials><acme><add key=\"Username\" value=\"build\" /><add key=\"ClearTextPassword\" value=\"s3cret\" /></acme></packageSourceCredentials></configuration>", StringComparison.Ordinal));

        var result = Build(consumer);

        Assert.That(result.ExitCode, Is.Zero, result.Output);
        Assert.That(result.Output, Does.Contain("Dockerfile(3,22): warning CTR0052:"), result.Output);
        Assert.That(result.Output, Does.Contain("'acme'"), result.Output);
    }

    [Test]
    public void WarnAsErrorFailsTheBuild()
    {
        var consumer = CreateConsumer("Microsoft.NET.Sdk.Web", "net10.0", string.Format(CultureInfo.InvariantCulture, BadDockerfile, "10.0", "Consumer"));

        var result = Build(consumer, "-warnaserror");

        Assert.That(result.ExitCode, Is.Not.Zero, result.Output);
        Assert.That(result.Output, Does.Contain("Dockerfile(1,6): error CTR0002:"));
        AssertAnalyzerLoaded(result);
    }

    [TestCase("Microsoft.NET.Sdk.Web", "aspnet")]
    [TestCase("Microsoft.NET.Sdk", "runtime")]
    public void ChiseledMultiStageDockerfileBuildsClean(string sdk, string runtimeRepository)
    {
        var consumer = CreateConsumer(sdk, "net10.0", string.Format(CultureInfo.InvariantCulture, ChiseledDockerfile, "10.0", "Consumer", runtimeRepository));

        var result = Build(consumer, "-warnaserror");

        Assert.That(result.ExitCode, Is.Zero, result.Output);
        Assert.That(result.Output, Does.Not.Contain("CTR0"));
        AssertAnalyzerLoaded(result);
    }

    [Test]
    public void MultiTargetingReportsEachDiagnosticOnce()
    {
        var consumer = CreateConsumer("Microsoft.NET.Sdk", "net8.0;net10.0", string.Format(CultureInfo.InvariantCulture, BadDockerfile, "8.0", "Consumer"));

        var result = Build(consumer);

        Assert.That(result.ExitCode, Is.Zero, result.Output);
        // The console logger may echo a warning (once as it happens, once in the project's block), so count the
        // compilations that report it rather than the lines.
        var reporting = result.Output.Split('\n').Where(l => l.Contains("warning CTR0002:", StringComparison.Ordinal)).Select(l => l.Substring(l.LastIndexOf('[')).Trim()).Distinct().ToArray();
        Assert.That(reporting, Is.EqualTo(new[] { $"[{consumer}::TargetFramework=net8.0]" }), result.Output);
    }

    [Test]
    public void AddingEditingAndDeletingTheDockerfileReRunsTheAnalysis()
    {
        var consumer = CreateConsumer("Microsoft.NET.Sdk", "net10.0", dockerfile: null);
        var dockerfile = Path.Combine(Path.GetDirectoryName(consumer)!, "Dockerfile");

        var first = Build(consumer, "-v:n");
        Assert.That(first.Output, Does.Not.Contain("CTR0002"), first.Output);

        File.WriteAllText(dockerfile, string.Format(CultureInfo.InvariantCulture, ChiseledDockerfile, "10.0", "Consumer", "runtime"));
        var added = Build(consumer, "-v:n");
        Assert.That(added.Output, Does.Not.Contain("warning CTR0"), added.Output);
        Assert.That(added.Output, Does.Not.Contain("Skipping target \"CoreCompile\""), "adding a Dockerfile must recompile");

        File.WriteAllText(dockerfile, string.Format(CultureInfo.InvariantCulture, BadDockerfile, "10.0", "Consumer"));
        var edited = Build(consumer);
        Assert.That(edited.Output, Does.Contain("Dockerfile(1,6): warning CTR0002:"), "editing a Dockerfile must recompile");

        File.Delete(dockerfile);
        var deleted = Build(consumer, "-v:n");
        Assert.That(deleted.Output, Does.Not.Contain("Skipping target \"CoreCompile\""), "deleting a Dockerfile must recompile");
        Assert.That(deleted.Output, Does.Contain("CoreCompile:"), deleted.Output);
    }

    // Road 3: the headless fixer shipped in the package. It rewrites the bad Dockerfile on disk, and the next build
    // (warnings as errors) reports nothing.
    [TestCase("Microsoft.NET.Sdk.Web", "net8.0", "8.0", "minimal", "aspnet:8.0-noble-chiseled-extra")]
    [TestCase("Microsoft.NET.Sdk", "net10.0", "10.0", "regenerate", "runtime:10.0-noble-chiseled-extra")]
    // Multi-targeting: the kept builder's SDK 8.0 cannot restore net10.0 (CTR0021), so the minimal edit is not clean and
    // only the rewrite, asked for, applies; it publishes the newest framework on its SDK.
    [TestCase("Microsoft.NET.Sdk", "net8.0;net10.0", "8.0", "regenerate", "runtime:10.0-noble-chiseled-extra")]
    public void FixDockerfileTargetRewritesTheDockerfileAndTheNextBuildIsClean(string sdk, string targetFrameworks, string dotnetVersion, string mode, string expectedImage)
    {
        var consumer = CreateConsumer(sdk, targetFrameworks, string.Format(CultureInfo.InvariantCulture, BadDockerfile, dotnetVersion, "Consumer"));
        var dockerfile = Path.Combine(Path.GetDirectoryName(consumer)!, "Dockerfile");

        var fix = Build(consumer, "-t:FixDockerfile", "-p:DockerfileFixMode=" + mode);

        Assert.That(fix.ExitCode, Is.Zero, fix.Output);
        Assert.That(fix.Output, Does.Contain("ContainerAnalyzers: rewrote").And.Contain("fixing CTR0001, CTR0002"), fix.Output);
        var text = File.ReadAllText(dockerfile);
        Assert.That(text, Does.Contain("FROM mcr.microsoft.com/dotnet/" + expectedImage + " AS final"), text);
        var after = Build(consumer, "-warnaserror");
        Assert.That(after.ExitCode, Is.Zero, after.Output + "\n" + text);
        Assert.That(after.Output, Does.Not.Contain("CTR0"), after.Output);
        AssertAnalyzerLoaded(after);

        var again = Build(consumer, "-t:FixDockerfile");
        Assert.That(again.Output, Does.Contain("left as it is"), "a fixed Dockerfile is not rewritten again");
        Assert.That(File.ReadAllText(dockerfile), Is.EqualTo(text));
    }

    [Test]
    public void FixDockerfileTargetAddsADockerfileAndDockerIgnoreToAProjectWithout()
    {
        var consumer = CreateConsumer("Microsoft.NET.Sdk.Web", "net10.0", dockerfile: null, dockerIgnore: false);
        var fix = Build(consumer, "-t:FixDockerfile");

        Assert.That(fix.ExitCode, Is.Zero, fix.Output);
        var folder = Path.GetDirectoryName(consumer)!;
        Assert.That(File.Exists(Path.Combine(folder, "Dockerfile")), Is.True, fix.Output);
        // The consumer's folder has Directory.Build.props above it, so the build context is the parent folder.
        Assert.That(File.Exists(Path.Combine(folder, "..", ".dockerignore")), Is.True, fix.Output);
        Assert.That(File.ReadAllText(Path.Combine(folder, "Dockerfile")), Does.Contain("The build context is .. (").And.Contain("#   docker build -t consumer -f Consumer/Dockerfile ."));
        // New files start without a byte order mark (issue 16): shell scripts and linters stumble on one.
        Assert.That(File.ReadAllBytes(Path.Combine(folder, "Dockerfile")).Take(3), Is.Not.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "Dockerfile has no BOM");
        Assert.That(File.ReadAllBytes(Path.Combine(folder, "..", ".dockerignore")).Take(3), Is.Not.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), ".dockerignore has no BOM");
        var after = Build(consumer, "-warnaserror");
        Assert.That(after.ExitCode, Is.Zero, after.Output);
        Assert.That(after.Output, Does.Not.Contain("CTR0"), after.Output);
    }

    // Every Dockerfile the package analyzes is fixed on this road too, and a file left alone says why (issue 15).
    [Test]
    public void FixDockerfileFixesContainerAnalyzersDockerfileItemsAndSaysWhyItLeavesAFile()
    {
        var consumer = CreateConsumer("Microsoft.NET.Sdk.Web", "net10.0", "# nothing here yet\n");
        var folder = Path.GetDirectoryName(consumer)!;
        File.WriteAllText(Path.Combine(folder, "Dockerfile.release"), string.Format(CultureInfo.InvariantCulture, BadDockerfile, "10.0", "Consumer"));
        File.WriteAllText(consumer, File.ReadAllText(consumer).Replace("</Project>", "  <ItemGroup>\n    <ContainerAnalyzersDockerfile Include=\"Dockerfile.release\" />\n  </ItemGroup>\n</Project>", StringComparison.Ordinal));

        var fix = Build(consumer, "-t:FixDockerfile");

        Assert.That(fix.ExitCode, Is.Zero, fix.Output);
        Assert.That(fix.Output, Does.Contain("Dockerfile.release (move the build to a builder stage"), fix.Output);
        Assert.That(File.ReadAllText(Path.Combine(folder, "Dockerfile.release")), Does.Contain("AS build").And.Contain("-chiseled"));
        Assert.That(fix.Output, Does.Contain("has no FROM instruction; left as it is (-p:DockerfileFixForce=true writes a new one)"), fix.Output);

        var forced = Build(consumer, "-t:FixDockerfile", "-p:DockerfileFixForce=true");
        Assert.That(forced.ExitCode, Is.Zero, forced.Output);
        Assert.That(File.ReadAllText(Path.Combine(folder, "Dockerfile")), Does.Contain("FROM "), forced.Output);
    }

    // Regeneration replaces the user's build, so it runs only when asked for (issue 16): a Dockerfile the minimal
    // edit cannot follow (it runs the sources with dotnet run) is left alone by default, with the way to rewrite it.
    [Test]
    public void FixDockerfileRegeneratesOnlyWhenAskedFor()
    {
        const string runFromSources = "FROM mcr.microsoft.com/dotnet/sdk:10.0\nWORKDIR /src\nCOPY . .\n# Tools the build needs.\nRUN dotnet tool restore || true\nENTRYPOINT [\"dotnet\", \"run\"]\n";
        var consumer = CreateConsumer("Microsoft.NET.Sdk.Web", "net10.0", runFromSources);
        var dockerfile = Path.Combine(Path.GetDirectoryName(consumer)!, "Dockerfile");

        var fix = Build(consumer, "-t:FixDockerfile");
        Assert.That(fix.ExitCode, Is.Zero, fix.Output);
        Assert.That(fix.Output, Does.Contain("the minimal edit cannot follow its build").And.Contain("-p:DockerfileFixMode=regenerate"), fix.Output);
        Assert.That(File.ReadAllText(dockerfile), Is.EqualTo(runFromSources), "left as it is");

        var multiTargeting = CreateConsumer("Microsoft.NET.Sdk", "net8.0;net10.0", string.Format(CultureInfo.InvariantCulture, BadDockerfile, "8.0", "Consumer"));
        var kept = Build(multiTargeting, "-t:FixDockerfile");
        Assert.That(kept.Output, Does.Contain("keeping its build as the builder would still leave CTR0021"), "it says which warning only a rewrite removes");

        var regenerate = Build(consumer, "-t:FixDockerfile", "-p:DockerfileFixMode=regenerate");
        Assert.That(regenerate.ExitCode, Is.Zero, regenerate.Output);
        Assert.That(regenerate.Output, Does.Contain("not kept: line 6: ENTRYPOINT [\"dotnet\", \"run\"]"), "the log lists what the rewrite left out");
        // Nothing in the old file says it is built from the folder above (issue 24, case 3: the nuget.config there is no
        // evidence), so the context is the Dockerfile's own folder, as docker build's default.
        Assert.That(regenerate.Output, Does.Contain("build it from this folder: docker build -t consumer ."), "the log gives the header's command");
        Assert.That(File.ReadAllText(dockerfile), Does.Contain("# Tools the build needs.\nRUN dotnet tool restore || true\n"), "the user's build step and its comment stay");
    }

    [Test]
    public void FixDockerfileSaysWhenACommentSuppressesTheRules()
    {
        var consumer = CreateConsumer("Microsoft.NET.Sdk.Web", "net10.0", "# containeranalyzers ignore-file=CTR0001,CTR0002\n" + string.Format(CultureInfo.InvariantCulture, BadDockerfile, "10.0", "Consumer"));

        var fix = Build(consumer, "-t:FixDockerfile");

        Assert.That(fix.ExitCode, Is.Zero, fix.Output);
        Assert.That(fix.Output, Does.Contain("has CTR0001, CTR0002 suppressed by a comment in the file; left as it is"), fix.Output);
    }

    [Test]
    public void FixDockerfileCopiesANuGetConfigSpelledAsDotnetNewWritesIt()
    {
        var consumer = CreateConsumer("Microsoft.NET.Sdk.Web", "net10.0", dockerfile: null);
        var folder = Path.GetDirectoryName(consumer)!;
        File.Move(Path.Combine(folder, "nuget.config"), Path.Combine(folder, "NuGet.Config"));

        var fix = Build(consumer, "-t:FixDockerfile");

        Assert.That(fix.ExitCode, Is.Zero, fix.Output);
        Assert.That(File.ReadAllText(Path.Combine(folder, "Dockerfile")), Does.Contain("NuGet.Config"), "the private feeds reach the restore in the container");
    }

    // Severity configuration works as for any analyzer: NoWarn, WarningsAsErrors, a .globalconfig, and our own
    // suppression comment in the Dockerfile.
    [Test]
    public void NoWarnWarningsAsErrorsGlobalConfigAndSuppressionComments()
    {
        var consumer = CreateConsumer("Microsoft.NET.Sdk", "net10.0", string.Format(CultureInfo.InvariantCulture, BadDockerfile, "10.0", "Consumer"));
        var folder = Path.GetDirectoryName(consumer)!;

        var escalated = Build(consumer, "-p:NoWarn=CTR0001", "-p:WarningsAsErrors=CTR0002");
        Assert.That(escalated.ExitCode, Is.Not.Zero, escalated.Output);
        Assert.That(escalated.Output, Does.Contain("Dockerfile(1,6): error CTR0002:").And.Not.Contain("CTR0001"), escalated.Output);

        File.WriteAllText(Path.Combine(folder, ".globalconfig"), "is_global = true\ndotnet_diagnostic.CTR0002.severity = none\n");
        var configured = Build(consumer);
        Assert.That(configured.Output, Does.Not.Contain("CTR0002").And.Contain("warning CTR0001"), configured.Output);

        var dockerfile = Path.Combine(folder, "Dockerfile");
        File.WriteAllText(dockerfile, File.ReadAllText(dockerfile).Replace("RUN dotnet publish", "# containeranalyzers ignore=CTR0001\nRUN dotnet publish", StringComparison.Ordinal));
        var suppressed = Build(consumer, "-warnaserror");
        Assert.That(suppressed.Output, Does.Not.Contain("CTR0001").And.Not.Contain("CTR0002"), suppressed.Output);
    }

    [Test]
    public void BinaryDockerfileIsAWarningNotABrokenBuild()
    {
        var consumer = CreateConsumer("Microsoft.NET.Sdk", "net10.0", dockerfile: null);
        var folder = Path.GetDirectoryName(consumer)!;
        File.WriteAllBytes(Path.Combine(folder, "Dockerfile"), new byte[] { 0x46, 0x52, 0x4F, 0x4D, 0x00, 0x01, 0x02, 0xFF, 0x00, 0x0A });
        Directory.CreateDirectory(Path.Combine(folder, ".git"));
        File.WriteAllBytes(Path.Combine(folder, "compose.yaml"), new byte[] { 0x73, 0x00, 0x01, 0x0A });
        File.WriteAllBytes(Path.Combine(folder, "appsettings.json"), new byte[] { 0x7B, 0x00, 0x7D });

        var result = Build(consumer);

        Assert.That(result.ExitCode, Is.Zero, "the compiler must not see the binary files (CS2015):\n" + result.Output);
        Assert.That(result.Output, Does.Contain("Dockerfile : warning CTR0090: 'Dockerfile' is not a text file"), result.Output);
        Assert.That(result.Output, Does.Contain("compose.yaml : warning CTR0091: 'compose.yaml' is not a text file"), result.Output);
        Assert.That(result.Output, Does.Not.Contain("CS2015"), result.Output);
    }

    [Test]
    public void MissingDockerIgnoreIsReportedUntilOneIsAdded()
    {
        var consumer = CreateConsumer("Microsoft.NET.Sdk", "net10.0", string.Format(CultureInfo.InvariantCulture, ChiseledDockerfile, "10.0", "Consumer", "runtime"), dockerIgnore: false);

        var without = Build(consumer);
        Assert.That(without.Output, Does.Contain("Dockerfile(7,1): warning CTR0042:"), without.Output);

        File.WriteAllText(Path.Combine(Path.GetDirectoryName(consumer)!, ".dockerignore"), "**/bin/\n**/obj/\n");
        var with = Build(consumer, "-warnaserror");
        Assert.That(with.ExitCode, Is.Zero, with.Output);
        Assert.That(with.Output, Does.Not.Contain("CTR0042"), "adding a .dockerignore must recompile");
    }

    [TestCase("None", "", "")]
    [TestCase("Default", "", "CTR0013")]
    [TestCase("Recommended", "warning CTR0013", "CTR0043")]
    [TestCase("All", "warning CTR0043", "")]
    public void AnalysisModePresets(string mode, string expected, string absent)
    {
        // .NET 8 is out of support per the compiled-in table: CTR0013 is informational by default, a warning when
        // recommended; a builder without --platform (CTR0043) is informational unless every rule is a warning.
        var consumer = CreateConsumer("Microsoft.NET.Sdk", "net8.0", string.Format(CultureInfo.InvariantCulture, BadDockerfile.Replace("FROM", "FROM --platform=linux/amd64", StringComparison.Ordinal), "8.0", "Consumer")
            + "\nFROM mcr.microsoft.com/dotnet/sdk:8.0 AS tools\nRUN dotnet publish -o /tools\nFROM mcr.microsoft.com/dotnet/runtime:8.0-noble-chiseled-extra\nCOPY --from=tools /tools /tools\nENTRYPOINT [\"dotnet\", \"/tools/Consumer.dll\"]\n");

        var result = Build(consumer, "-p:ContainerAnalyzersAnalysisMode=" + mode);

        Assert.That(result.ExitCode, Is.Zero, result.Output);
        if (mode == "None")
        {
            Assert.That(result.Output, Does.Not.Contain("CTR0"), result.Output);
        }
        else
        {
            Assert.That(result.Output, Does.Contain(expected), result.Output);
        }

        if (absent.Length > 0)
        {
            Assert.That(result.Output, Does.Not.Contain("warning " + absent), result.Output);
        }
    }

    [Test]
    public void SarifErrorLogCarriesTheDockerfileLocation()
    {
        var consumer = CreateConsumer("Microsoft.NET.Sdk", "net10.0", string.Format(CultureInfo.InvariantCulture, BadDockerfile, "10.0", "Consumer"));
        var sarif = Path.Combine(Path.GetDirectoryName(consumer)!, "build.sarif");

        var result = Build(consumer, $"-p:ErrorLog={sarif}%2Cversion=2.1");

        Assert.That(result.ExitCode, Is.Zero, result.Output);
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(sarif));
        var results = document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToArray();
        var ctr0002 = results.Single(r => r.GetProperty("ruleId").GetString() == "CTR0002");
        var location = ctr0002.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.That(location.GetProperty("artifactLocation").GetProperty("uri").GetString(), Does.EndWith("/Consumer/Dockerfile"));
        Assert.That(location.GetProperty("region").GetProperty("startLine").GetInt32(), Is.EqualTo(1));
        Assert.That(location.GetProperty("region").GetProperty("startColumn").GetInt32(), Is.EqualTo(6));
    }

    [Test]
    public void FixDockerfileCheckModeFailsWithoutWriting()
    {
        var bad = string.Format(CultureInfo.InvariantCulture, BadDockerfile, "10.0", "Consumer");
        var consumer = CreateConsumer("Microsoft.NET.Sdk", "net10.0", bad);

        var check = Build(consumer, "-t:FixDockerfile", "-p:DockerfileFixCheck=true");

        Assert.That(check.ExitCode, Is.Not.Zero, check.Output);
        Assert.That(check.Output, Does.Contain("ContainerAnalyzers: would rewrite"), check.Output);
        Assert.That(File.ReadAllText(Path.Combine(Path.GetDirectoryName(consumer)!, "Dockerfile")), Is.EqualTo(bad));
    }

    // Issue 24: the default mode fixes what the rules report, not only CTR0001/CTR0002: a net8.0 app on the 6.0 chiseled
    // runtime (CTR0020, it cannot start) is retagged, and -p:DockerfileFixCheck=true fails on the fixable warning.
    [Test]
    public void FixDockerfileAppliesTheRulesOwnFixes()
    {
        var stale = string.Format(CultureInfo.InvariantCulture, ChiseledDockerfile, "8.0", "Consumer", "aspnet").Replace("aspnet:8.0-noble-chiseled", "aspnet:6.0-jammy-chiseled", StringComparison.Ordinal).Replace("USER $APP_UID\n", string.Empty, StringComparison.Ordinal);
        var consumer = CreateConsumer("Microsoft.NET.Sdk.Web", "net8.0", stale);
        var dockerfilePath = Path.Combine(Path.GetDirectoryName(consumer)!, "Dockerfile");

        var check = Build(consumer, "-t:FixDockerfile", "-p:DockerfileFixCheck=true");
        Assert.That(check.ExitCode, Is.Not.Zero, check.Output);
        Assert.That(File.ReadAllText(dockerfilePath), Is.EqualTo(stale), "check mode writes nothing");

        var fix = Build(consumer, "-t:FixDockerfile");
        Assert.That(fix.ExitCode, Is.Zero, fix.Output);
        Assert.That(fix.Output, Does.Contain("(the rules' own fixes)").And.Contain("fixed: line 10: CTR0020: Use dotnet/aspnet:8.0-jammy-chiseled"), fix.Output);
        Assert.That(File.ReadAllText(dockerfilePath), Does.Contain("FROM mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled").Or.Contain("FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled"));
        var after = Build(consumer, "-warnaserror");
        Assert.That(after.ExitCode, Is.Zero, after.Output);
        AssertAnalyzerLoaded(after);
    }

    // Issue 27, section 2: PublishAot for Release only, the Dockerfile publishes Release, the build (Debug) gets the
    // Release values from the targets, and runtime-deps is right for the native AOT app it publishes.
    [Test]
    public void TheDockerfileIsJudgedByTheConfigurationItPublishes()
    {
        const string dockerfile = "FROM mcr.microsoft.com/dotnet/sdk:10.0-noble-aot AS build\nARG BUILD_CONFIGURATION=Release\nWORKDIR /src\nCOPY . .\n"
            + "RUN dotnet publish -c \"$BUILD_CONFIGURATION\" -r linux-x64 -o /app/publish\n\nFROM mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled\nWORKDIR /app\nCOPY --from=build /app/publish .\nENTRYPOINT [\"./Consumer\"]\n";
        var consumer = CreateConsumer("Microsoft.NET.Sdk", "net10.0", dockerfile);
        var project = File.ReadAllText(consumer).Replace("</Project>", "  <PropertyGroup Condition=\"'$(Configuration)' == 'Release'\">\n    <PublishAot>true</PublishAot>\n  </PropertyGroup>\n</Project>", StringComparison.Ordinal);
        File.WriteAllText(consumer, project);

        var debug = Build(consumer);
        Assert.That(debug.Output, Does.Not.Contain("CTR0022"), debug.Output);
        AssertAnalyzerLoaded(debug);

        // Near miss: a Debug publish is framework-dependent, and runtime-deps cannot run it.
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(consumer)!, "Dockerfile"), dockerfile.Replace("BUILD_CONFIGURATION=Release", "BUILD_CONFIGURATION=Debug", StringComparison.Ordinal));
        var debugPublish = Build(consumer);
        Assert.That(debugPublish.Output, Does.Contain("warning CTR0022"), debugPublish.Output);

        // The Release values come from the project file's text, not from a second evaluation: an import that only
        // Release has, missing here, does not fail the build.
        File.WriteAllText(consumer, project.Replace("</Project>", "  <Import Project=\"release-only.props\" Condition=\"'$(Configuration)' == 'Release'\" />\n</Project>", StringComparison.Ordinal));
        var missingReleaseImport = Build(consumer);
        Assert.That(missingReleaseImport.ExitCode, Is.Zero, missingReleaseImport.Output);
    }

    // Issue 19: a compose file found above the project, reported at its own line and column; YamlDotNet loads beside the
    // analyzer even when the build also has another version of it (in the app's references, and as another analyzer).
    [Test]
    public void ComposeDiagnosticsAreLocatedInTheComposeFile_BesideAnotherYamlDotNet()
    {
        var consumer = CreateConsumer("Microsoft.NET.Sdk.Web", "net10.0", string.Format(CultureInfo.InvariantCulture, ChiseledDockerfile, "10.0", "Consumer", "aspnet"));
        var folder = Path.GetDirectoryName(consumer)!;
        var root = Path.GetDirectoryName(folder)!;
        Directory.CreateDirectory(Path.Combine(root, ".git"));
        File.WriteAllText(Path.Combine(root, "docker-compose.yml"), "services:\n  consumer:\n    build: ./Consumer\n    ports:\n      - \"5000:80\"\n    healthcheck:\n      test: curl -f http://localhost:8080/\n");
        File.WriteAllText(Path.Combine(root, "docker-compose.override.yml"), "services:\n  consumer:\n    environment:\n      - ASPNETCORE_ENVIRONMENT=Development\n");
        File.WriteAllText(consumer, File.ReadAllText(consumer).Replace("</ItemGroup>", """
                <PackageReference Include="YamlDotNet" Version="13.7.1" />
                <PackageDownload Include="YamlDotNet" Version="[16.3.0]" />
                <Analyzer Include="$(NuGetPackageRoot)yamldotnet/16.3.0/lib/netstandard2.0/YamlDotNet.dll" />
              </ItemGroup>
            """, StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(folder, "Program.cs"), "var app = WebApplication.Create(args);\nSystem.Console.WriteLine(new YamlDotNet.Serialization.SerializerBuilder().Build().Serialize(new { a = 1 }));\napp.Run();\n");

        var result = Build(consumer);

        Assert.That(result.ExitCode, Is.Zero, result.Output);
        Assert.That(result.Output, Does.Contain("docker-compose.yml(5,15): warning CTR0060: Container port 80 of service 'consumer' is not where the app listens: it listens on 8080"));
        Assert.That(result.Output, Does.Contain("docker-compose.yml(7,13): warning CTR0061:"));
        AssertAnalyzerLoaded(result);
        Assert.That(result.Output, Does.Not.Contain("CS8034"), "the analyzer's own YamlDotNet loaded");

        // Editing the compose file re-runs the analysis (CTR0061 is still there, so the compiler did run).
        File.WriteAllText(Path.Combine(root, "docker-compose.yml"), "services:\n  consumer:\n    build: ./Consumer\n    ports:\n      - \"5000:8080\"\n    healthcheck:\n      test: curl -f http://localhost:8080/\n");
        var fixedResult = Build(consumer);
        Assert.That(fixedResult.Output, Does.Contain("docker-compose.yml(7,13): warning CTR0061:"), fixedResult.Output);
        Assert.That(fixedResult.Output, Does.Not.Contain("CTR0060"), fixedResult.Output);
    }

    // Issue 24, case 6: a fix that would break the compose file's health check (curl on a chiseled image) is not written,
    // and FixDockerfile says what it would break.
    [Test]
    public void FixDockerfileDeclinesAFixThatWouldBreakTheComposeFile()
    {
        var original = string.Format(CultureInfo.InvariantCulture, BadDockerfile, "10.0", "Consumer");
        var consumer = CreateConsumer("Microsoft.NET.Sdk.Web", "net10.0", original);
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(consumer)!, "compose.yaml"), "services:\n  consumer:\n    build: .\n    healthcheck:\n      test: [\"CMD\", \"curl\", \"-f\", \"http://localhost:8080/\"]\n");

        var fix = Build(consumer, "-t:FixDockerfile");

        Assert.That(fix.ExitCode, Is.Zero, fix.Output);
        Assert.That(fix.Output, Does.Contain("would break what the app or the compose files that run it need; left as it is").And.Contain("CTR0061 in compose.yaml"), fix.Output);
        Assert.That(File.ReadAllText(Path.Combine(Path.GetDirectoryName(consumer)!, "Dockerfile")), Is.EqualTo(original), "nothing is written");
    }

    // Issue 24, case 1: a host-published Dockerfile whose .dockerignore excludes the output it copies is reported, and
    // the .dockerignore FixDockerfile adds to a project without one keeps that output in the context.
    [Test]
    public void HostPublishedOutputExcludedByTheDockerIgnoreIsReported()
    {
        const string hostPublished = "FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled\nWORKDIR /app\nCOPY bin/Release/net10.0/publish/ .\nENTRYPOINT [\"dotnet\", \"Consumer.dll\"]\n";
        var consumer = CreateConsumer("Microsoft.NET.Sdk.Web", "net10.0", hostPublished, dockerIgnore: false);
        var folder = Path.GetDirectoryName(consumer)!;

        var clean = Build(consumer);
        Assert.That(clean.Output, Does.Not.Contain("CTR0042").And.Not.Contain("CTR0044"), "the publish folder is no copy of the project:\n" + clean.Output);

        var fix = Build(consumer, "-t:FixDockerfile");
        Assert.That(fix.ExitCode, Is.Zero, fix.Output);
        var ignore = File.ReadAllText(Path.Combine(folder, ".dockerignore"));
        Assert.That(ignore, Does.Not.Contain("**/bin/").And.Not.Contain("**/publish/").And.Contain("**/obj/"), ignore);
        var after = Build(consumer, "-warnaserror");
        Assert.That(after.ExitCode, Is.Zero, after.Output);

        File.WriteAllText(Path.Combine(folder, ".dockerignore"), "**/bin/\n**/obj/\n");
        var excluded = Build(consumer);
        Assert.That(excluded.Output, Does.Contain("Dockerfile(3,6): warning CTR0044: The COPY source 'bin/Release/net10.0/publish/' is excluded by '**/bin' in .dockerignore (line 1)"), excluded.Output);
        AssertAnalyzerLoaded(excluded);
    }

    // Issue 15: the compose file that builds the Dockerfile decides the rewrite's context on the MSBuild road too.
    [Test]
    public void FixDockerfileKeepsTheComposeBuildContext()
    {
        var consumer = CreateConsumer("Microsoft.NET.Sdk.Web", "net10.0", string.Format(CultureInfo.InvariantCulture, BadDockerfile, "10.0", "Consumer"), dockerIgnore: false);
        var root = Path.GetDirectoryName(Path.GetDirectoryName(consumer))!;
        Directory.CreateDirectory(Path.Combine(root, ".git"));
        File.WriteAllText(Path.Combine(root, "compose.yaml"), "services:\n  consumer:\n    build:\n      context: .\n      dockerfile: Consumer/Dockerfile\n    ports:\n      - \"5000:8080\"\n");

        var fix = Build(consumer, "-t:FixDockerfile", "-p:DockerfileFixMode=regenerate");

        Assert.That(fix.ExitCode, Is.Zero, fix.Output);
        var dockerfile = File.ReadAllText(Path.Combine(Path.GetDirectoryName(consumer)!, "Dockerfile"));
        Assert.That(dockerfile, Does.Contain("compose.yaml builds this Dockerfile with it"), dockerfile);
        Assert.That(dockerfile, Does.Contain("COPY Consumer/Consumer.csproj Consumer/"), dockerfile);
        Assert.That(File.Exists(Path.Combine(root, ".dockerignore")), Is.True, "the .dockerignore goes into the compose context:\n" + fix.Output);
        var after = Build(consumer, "-warnaserror");
        Assert.That(after.ExitCode, Is.Zero, after.Output);
        AssertAnalyzerLoaded(after);
    }

    // Issue 15: the targets hand over the closure of project references (Core only through Lib), so the rewrite's
    // restore layer copies every project file restore reads.
    [Test]
    public void FixDockerfileRestoreLayerCopiesTheTransitiveProjectReferences()
    {
        var consumer = CreateConsumer("Microsoft.NET.Sdk.Web", "net10.0", string.Format(CultureInfo.InvariantCulture, BadDockerfile, "10.0", "Consumer"));
        var root = Path.GetDirectoryName(Path.GetDirectoryName(consumer))!;
        Directory.CreateDirectory(Path.Combine(root, "Lib"));
        Directory.CreateDirectory(Path.Combine(root, "Core"));
        File.WriteAllText(Path.Combine(root, "Lib", "Lib.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup><ItemGroup><ProjectReference Include=\"../Core/Core.csproj\" /></ItemGroup></Project>\n");
        File.WriteAllText(Path.Combine(root, "Core", "Core.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>\n");
        File.WriteAllText(consumer, File.ReadAllText(consumer).Replace("</ItemGroup>", "  <ProjectReference Include=\"../Lib/Lib.csproj\" />\n  </ItemGroup>", StringComparison.Ordinal));

        var fix = Build(consumer, "-t:FixDockerfile", "-p:DockerfileFixMode=regenerate");

        Assert.That(fix.ExitCode, Is.Zero, fix.Output);
        var dockerfile = File.ReadAllText(Path.Combine(Path.GetDirectoryName(consumer)!, "Dockerfile"));
        Assert.That(dockerfile, Does.Contain("COPY Lib/Lib.csproj Lib/\nCOPY Core/Core.csproj Core/\n"), dockerfile);
        Assert.That(dockerfile, Does.Contain("RUN dotnet restore Consumer/Consumer.csproj"), dockerfile);
    }

    [Test]
    public void AGitHubDockerActionImageIsNotJudgedAsAnApp()
    {
        const string Dockerfile = "FROM mcr.microsoft.com/dotnet/sdk:10.0\nCOPY . .\nRUN dotnet publish -c Release -o /out\n\nFROM mcr.microsoft.com/dotnet/runtime:10.0-noble\nCOPY --from=0 /out /app\nENTRYPOINT [\"dotnet\", \"/app/Consumer.dll\"]\n";
        var consumer = CreateConsumer("Microsoft.NET.Sdk", "net10.0", Dockerfile);
        var folder = Path.GetDirectoryName(consumer)!;
        Directory.CreateDirectory(Path.Combine(folder, ".git"));
        File.WriteAllText(Path.Combine(folder, "action.yml"), "name: Consumer\nruns:\n  using: docker\n  image: Dockerfile\n");

        var build = Build(consumer, "-p:ContainerAnalyzersAnalysisMode=All");
        Assert.That(build.ExitCode, Is.Zero, build.Output);
        Assert.That(build.Output, Does.Not.Contain("CTR0033").And.Not.Contain("CTR0011"), build.Output);

        var fix = Build(consumer, "-t:FixDockerfile");
        Assert.That(File.ReadAllText(Path.Combine(folder, "Dockerfile")), Is.EqualTo(Dockerfile), fix.Output);
        Assert.That(fix.Output, Does.Contain("builds a GitHub Docker action's image (action.yml)"), fix.Output);
    }

    private static void AssertAnalyzerLoaded(ProcessResult result)
    {
        foreach (var code in new[] { "CS8032", "CS9057", "AD0001", "CS8784", "CS8785" })
        {
            Assert.That(result.Output, Does.Not.Contain(code), $"{code} means the analyzer failed to load or threw");
        }
    }

    private string CreateConsumer(string sdk, string targetFrameworks, string? dockerfile, bool dockerIgnore = true)
        => ConsumerProject.Create(_workRoot, sdk, targetFrameworks, dockerfile, dockerIgnore);

    private static ProcessResult Build(string project, params string[] extra) => ConsumerProject.Build(project, extra);

    // The SDK host's runtime identifier, when the package carries precompiled analyzers for it; the test is skipped otherwise.
    private static string PrecompiledHost()
    {
        var rid = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;
        if (rid is not ("linux-x64" or "linux-arm64" or "win-x64" or "osx-arm64"))
        {
            Assert.Ignore($"the package carries no precompiled analyzers for this SDK host ({rid})");
        }

        return rid;
    }
}
