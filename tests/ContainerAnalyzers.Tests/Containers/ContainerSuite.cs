using System.Runtime.InteropServices;
using System.Text;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Containers;

/// <summary>
/// Chooses the container engine once for every test in this namespace, and builds the stand-in base images when the
/// engine is podman. When no engine can be had, every container test is skipped with the reason, never silently.
/// </summary>
/// <remarks>
/// CONTAINERANALYZERS_CONTAINER_TESTS: unset or "auto" picks docker when a daemon answers, else podman with
/// stand-ins when this is Linux, root, and buildah, podman, runc and debootstrap are installed; "docker" or "podman"
/// forces one; "off" skips the suite. CONTAINERANALYZERS_CONTAINER_STATE is the stand-ins' storage folder (default
/// /var/tmp/containeranalyzers-containers, kept between runs so a second run reuses the images).
/// </remarks>
[SetUpFixture]
public sealed class ContainerSuite
{
    // standin-images.sh exits with this when debootstrap cannot reach the Debian mirror.
    private const int StandInsMirrorUnreachable = 3;

    private static readonly string[] StandInTools = { "buildah", "podman", "runc", "debootstrap" };
    private static readonly List<string> ReportRows = new();
    private static ContainerEngine? _engine;

    internal static ContainerEngine Engine => _engine ?? throw new InvalidOperationException("the container suite was not set up");

    [OneTimeSetUp]
    public void ChooseEngineAndPrepareImages()
    {
        var setting = (Environment.GetEnvironmentVariable("CONTAINERANALYZERS_CONTAINER_TESTS") ?? "auto").Trim().ToLowerInvariant();
        if (setting is "off" or "0" or "false")
        {
            Skip("CONTAINERANALYZERS_CONTAINER_TESTS=" + setting + ".");
        }

        if (setting is "docker" || (setting is "auto" && DockerDaemonAnswers()))
        {
            _engine = ContainerEngine.Docker();
        }
        else if (setting is "podman" or "auto")
        {
            var missing = WhyStandInsCannotBeBuilt();
            if (missing is not null)
            {
                Skip("no docker daemon answers, and podman with stand-in images needs " + missing
                    + ". On Debian or Ubuntu, as root: apt-get install -y buildah podman runc debootstrap (.ci/run does this).");
            }

            var state = Environment.GetEnvironmentVariable("CONTAINERANALYZERS_CONTAINER_STATE") is { Length: > 0 } configured
                ? configured
                : "/var/tmp/containeranalyzers-containers";
            // The stand-ins take about 5 GB in vfs storage, and each image build copies the SDK image once more; a
            // second run reuses the stand-ins and needs only the room for the builds.
            var required = Directory.Exists(Path.Combine(state, "storage")) ? 3 : 8;
            if (FreeGigabytes(state) is { } free && free < required)
            {
                Skip($"the container builds need about {required} GB free beside {state}; there are {free:0.0} GB.");
            }

            var script = Path.Combine(TestPaths.RepositoryRoot, "tests", "ContainerAnalyzers.Tests", "Containers", "standin-images.sh");
            var built = ProcessRunner.Run("bash", TestPaths.RepositoryRoot, new[] { script, state }, TimeSpan.FromMinutes(20));
            TestContext.Progress.WriteLine(built.Output);
            if (built.ExitCode == StandInsMirrorUnreachable)
            {
                Skip("the Debian mirror could not be reached to make the stand-in images:\n" + built.Output);
            }

            Assert.That(built.ExitCode, Is.Zero, "the stand-in images could not be built:\n" + built.Output);
            _engine = ContainerEngine.PodmanWithStandIns(state);
            _standInState = state;
        }
        else
        {
            Assert.Fail("CONTAINERANALYZERS_CONTAINER_TESTS must be auto, docker, podman or off, not " + setting);
        }

        TestContext.Progress.WriteLine("Container tests use " + _engine!.Description + ".");
        Assert.That(AnalyzerPackage.Version, Is.Not.Empty);
    }

    [OneTimeTearDown]
    public void PrintReport()
    {
        if (ReportRows.Count == 0)
        {
            return;
        }

        var report = new StringBuilder()
            .AppendLine("Container suite (" + (_engine?.Description ?? "no engine") + "):")
            .AppendLine("| Case | Image build | Builder base | Final image | Result |")
            .AppendLine("|---|---|---|---|---|");
        lock (ReportRows)
        {
            foreach (var row in ReportRows)
            {
                report.AppendLine(row);
            }
        }

        TestContext.Progress.WriteLine(report.ToString());
        if (Environment.GetEnvironmentVariable("CONTAINERANALYZERS_CONTAINER_REPORT") is { Length: > 0 } path)
        {
            File.WriteAllText(path, report.ToString());
        }
    }

    /// <summary>
    /// Stand-ins for older .NET channels (8.0, 9.0), for repositories that target them: the runtime packs from NuGet
    /// laid out as shared frameworks, and this machine's SDK under the channel's tags. Nothing to do with docker.
    /// </summary>
    internal static void PrepareOlderChannels(params string[] channels)
    {
        if (_standInState is not { } state)
        {
            return;
        }

        var frameworks = Path.Combine(state, "frameworks");
        var download = Path.Combine(state, "framework-download");
        Directory.CreateDirectory(download);
        var versions = channels.ToDictionary(c => c, c => OlderChannelVersions[c]);
        // One item per package, its versions separated by ';': NuGet keeps a single PackageDownload per id.
        var exact = string.Join(";", versions.Values.Select(v => "[" + v + "]"));
        var items = "    <PackageDownload Include=\"Microsoft.NETCore.App.Runtime.linux-x64\" Version=\"" + exact + "\" />\n"
            + "    <PackageDownload Include=\"Microsoft.AspNetCore.App.Runtime.linux-x64\" Version=\"" + exact + "\" />\n";
        File.WriteAllText(Path.Combine(download, "download.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>\n  <ItemGroup>\n" + items + "  </ItemGroup>\n</Project>\n");
        var packages = Path.Combine(download, "packages");
        var restore = ProcessRunner.Dotnet(download, "restore", "--packages", packages);
        Assert.That(restore.ExitCode, Is.Zero, restore.Output);
        foreach (var (channel, version) in versions)
        {
            var tfm = "net" + channel;
            foreach (var (package, framework) in new[] { ("microsoft.netcore.app.runtime.linux-x64", "Microsoft.NETCore.App"), ("microsoft.aspnetcore.app.runtime.linux-x64", "Microsoft.AspNetCore.App") })
            {
                var target = Path.Combine(frameworks, channel, framework, version);
                if (Directory.Exists(target) && Directory.EnumerateFiles(target).Any())
                {
                    continue;
                }

                Directory.CreateDirectory(target);
                var runtime = Path.Combine(packages, package, version, "runtimes", "linux-x64");
                foreach (var folder in new[] { Path.Combine(runtime, "lib", tfm), Path.Combine(runtime, "native") }.Where(Directory.Exists))
                {
                    foreach (var file in Directory.EnumerateFiles(folder))
                    {
                        File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
                    }
                }

                Assert.That(Directory.EnumerateFiles(target).Any(), Is.True, $"the {package} {version} runtime pack gave no files for {tfm}:\n{restore.Output}");
            }
        }

        var script = Path.Combine(TestPaths.RepositoryRoot, "tests", "ContainerAnalyzers.Tests", "Containers", "standin-images.sh");
        var built = ProcessRunner.Run("bash", TestPaths.RepositoryRoot, new[] { script, state }, TimeSpan.FromMinutes(30), new Dictionary<string, string> { ["STANDIN_EXTRA_FRAMEWORKS"] = frameworks });
        TestContext.Progress.WriteLine(built.Output);
        Assert.That(built.ExitCode, Is.Zero, "the older channels' stand-ins could not be built:\n" + built.Output);
    }

    // The newest runtime packs served for each older channel (see the env tool's nuget.tsv).
    private static readonly Dictionary<string, string> OlderChannelVersions = new() { ["8.0"] = "8.0.34", ["9.0"] = "9.0.23" };

    private static string? _standInState;

    /// <summary>Adds a row to the table printed at the end of the suite (the closing note's figures).</summary>
    internal static void Report(string @case, TimeSpan build, string builder, string final, string result)
    {
        lock (ReportRows)
        {
            ReportRows.Add($"| {@case} | {build.TotalSeconds:0} s | {builder} | {final} | {result} |");
        }
    }

    internal static string FormatSize(long bytes) => bytes >= 1 << 30 ? $"{bytes / (double)(1 << 30):0.00} GB" : $"{bytes / (double)(1 << 20):0.0} MB";

    /// <summary>Skips every container test, saying why on the console as well as in each test's result.</summary>
    private static void Skip(string reason)
    {
        TestContext.Progress.WriteLine("Container tests skipped: " + reason);
        Assert.Ignore("Container tests skipped: " + reason);
    }

    /// <summary>Free space on the file system that holds <paramref name="folder"/> (or its nearest existing parent).</summary>
    private static double? FreeGigabytes(string folder)
    {
        var existing = new DirectoryInfo(folder);
        while (existing is not null && !existing.Exists)
        {
            existing = existing.Parent;
        }

        if (existing is null)
        {
            return null;
        }

        return new DriveInfo(existing.FullName).AvailableFreeSpace / (double)(1L << 30);
    }

    private static bool DockerDaemonAnswers()
    {
        if (!ProcessRunner.IsOnPath("docker"))
        {
            return false;
        }

        var info = ProcessRunner.Run("docker", Path.GetTempPath(), new[] { "info", "--format", "{{.ServerVersion}}" }, TimeSpan.FromSeconds(30));
        return info.ExitCode == 0;
    }

    private static string? WhyStandInsCannotBeBuilt()
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
        {
            return "Linux";
        }

        if (!Environment.IsPrivilegedProcess)
        {
            return "root (debootstrap and vfs storage)";
        }

        var missing = StandInTools.Where(tool => !ProcessRunner.IsOnPath(tool)).ToArray();
        return missing.Length == 0 ? null : string.Join(", ", missing) + " on PATH";
    }
}
