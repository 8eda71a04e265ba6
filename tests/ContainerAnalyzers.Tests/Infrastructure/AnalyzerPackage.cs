using System.Globalization;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Infrastructure;

/// <summary>
/// The real .nupkg, packed once per test run into a local folder feed that consumer projects restore from. The
/// end-to-end and container fixtures share it, so the package is packed once, not once per fixture.
/// </summary>
internal static class AnalyzerPackage
{
    private static readonly Lazy<string> PackedVersion = new(Pack, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A folder of this run under the temp directory; <see cref="TestRunCleanup"/> deletes it.</summary>
    public static string RunFolder { get; } = Path.Combine(Path.GetTempPath(), "ContainerAnalyzers.E2E", Guid.NewGuid().ToString("N"));

    public static string Feed => Path.Combine(RunFolder, "feed");

    /// <summary>The version packed: a version of its own per run, so the global packages folder never serves a stale build.</summary>
    public static string Version => PackedVersion.Value;

    private static string Pack()
    {
        Directory.CreateDirectory(Feed);
        var version = "0.0.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        var project = Path.Combine(TestPaths.RepositoryRoot, "nuget", "ContainerAnalyzers.Package.csproj");
        var result = ProcessRunner.Dotnet(TestPaths.RepositoryRoot, "pack", project, "-c", "Release", "-nologo", "-p:Version=" + version, "-p:PackageOutputPath=" + Feed + Path.DirectorySeparatorChar);
        Assert.That(result.ExitCode, Is.Zero, result.Output);
        Assert.That(File.Exists(Path.Combine(Feed, $"ContainerAnalyzers.{version}.nupkg")), Is.True, result.Output);
        return version;
    }

    public static void DeleteRunFolder()
    {
        if (!Directory.Exists(RunFolder))
        {
            return;
        }

        try
        {
            Directory.Delete(RunFolder, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the folder is under the temp directory.
        }
        catch (UnauthorizedAccessException)
        {
            // Files written inside a container may belong to another user; the temp directory is cleaned eventually.
        }
    }
}
