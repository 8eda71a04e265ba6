using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ContainerAnalyzers.Tests.Hostile;

namespace ContainerAnalyzers.Benchmarks;

/// <summary>
/// Issue 29's rows measured. <c>--hostile</c>: each text row through the package's analyzers on the compiler's path,
/// with wall time and the bytes allocated. <c>--hostile-builds</c>: each row (the file-system ones too) as a real
/// `dotnet build` of a web project, without the package and with each package given, in fresh processes (no build
/// server, no shared compiler), with exit code, wall time and the largest process's peak memory from /usr/bin/time.
/// </summary>
internal static partial class HostileBenchmark
{
    public static int Analyze()
    {
        Console.WriteLine($"{"input",-75} {"ms",9} {"allocated MB",13} {"diagnostics",12}");
        foreach (var input in HostileInputs.TextCases())
        {
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            var (diagnostics, exceptions) = HostileInputs.AnalyzeAsync(input, DriverBenchmark.PackageAnalyzers, CancellationToken.None).GetAwaiter().GetResult();
            watch.Stop();
            var megabytes = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0 / 1024.0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{input.Name,-75} {watch.Elapsed.TotalMilliseconds,9:F0} {megabytes,13:F1} {diagnostics.Length,12}{(exceptions.Count > 0 ? "  EXCEPTION " + exceptions[0].GetType().Name : string.Empty)}"));
        }

        return 0;
    }

    /// <summary>Each package is "label=feed-folder=version"; the first column is always the build without a package.</summary>
    public static int Builds(IReadOnlyList<(string Label, string Feed, string Version)> packages, string? only)
    {
        var root = Path.Combine(Path.GetTempPath(), "ContainerAnalyzers.HostileBuilds", DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture));
        var cases = HostileInputs.TextCases().Concat(HostileInputs.BuildOnlyCases()).Where(c => only is null || c.Name.Contains(only, StringComparison.OrdinalIgnoreCase)).ToList();
        var columns = new List<(string Label, string? Feed, string? Version)> { ("no package", null, null) };
        columns.AddRange(packages.Select(p => (p.Label, (string?)p.Feed, (string?)p.Version)));
        Console.WriteLine("| input | " + string.Join(" | ", columns.Select(c => c.Label + ": exit, wall, max RSS")) + " |");
        Console.WriteLine("|---|" + string.Concat(columns.Select(_ => "---|")));
        foreach (var input in cases)
        {
            var cells = new List<string>();
            foreach (var column in columns)
            {
                var folder = Path.Combine(root, Guid.NewGuid().ToString("N")[..8], "App");
                Directory.CreateDirectory(folder);
                WriteProject(folder, column.Feed, column.Version, input.ProjectItems);
                HostileInputs.Materialize(input, folder);
                cells.Add(Measure(folder));
            }

            Console.WriteLine($"| {input.Name} | {string.Join(" | ", cells)} |");
        }

        return 0;
    }

    private static void WriteProject(string folder, string? feed, string? version, string? items)
    {
        var reference = version is null ? string.Empty : $"<PackageReference Include=\"ContainerAnalyzers\" Version=\"{version}\" />";
        File.WriteAllText(Path.Combine(folder, "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
              <ItemGroup>{reference}{items}</ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "Program.cs"), "var app = WebApplication.Create(args);\napp.Run();\n");
        // MSBuild's search for build files stops at the project's own folder; files above it are left alone (a
        // Directory.Build.props in /tmp would reach every other build under /tmp).
        File.WriteAllText(Path.Combine(folder, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(folder, "Directory.Build.targets"), "<Project />\n");
        if (feed is not null)
        {
            File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration><packageSources><add key="hostile" value="{feed}" /></packageSources></configuration>
                """);
        }
    }

    // Restore first, untimed; then the build alone, in fresh processes, under a 3-minute limit (a hang shows as such;
    // the builds without a hang take seconds).
    private static string Measure(string folder)
    {
        Run("dotnet", folder, TimeSpan.FromMinutes(5), "restore", "-nologo", "-v:q");
        var (exit, output, timedOut) = Run("/usr/bin/time", folder, TimeSpan.FromMinutes(3), "-v", "dotnet", "build", "--no-restore", "-nologo", "-v:q", "-nodeReuse:false", "-p:UseSharedCompilation=false");
        if (timedOut)
        {
            return "hang (killed at 180 s)";
        }

        var wall = WallClock().Match(output) is { Success: true } w ? w.Groups[1].Value : "?";
        var rss = MaxRss().Match(output) is { Success: true } r ? (long.Parse(r.Groups[1].Value, CultureInfo.InvariantCulture) / 1024).ToString(CultureInfo.InvariantCulture) + " MB" : "?";
        return $"{exit}, {wall}, {rss}";
    }

    private static (int Exit, string Output, bool TimedOut) Run(string file, string folder, TimeSpan limit, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        // Only the tail of each stream: a build of a hostile input may log gigabytes (the ARG bomb's warning once did),
        // and /usr/bin/time's figures come last.
        var stdout = Task.Run(() => Tail(process.StandardOutput));
        var stderr = Task.Run(() => Tail(process.StandardError));
        if (!process.WaitForExit((int)limit.TotalMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            return (-1, string.Empty, true);
        }

        return (process.ExitCode, stdout.Result + stderr.Result, false);
    }

    private static string Tail(StreamReader reader)
    {
        const int Keep = 64 * 1024;
        var buffer = new char[16 * 1024];
        var tail = new System.Text.StringBuilder();
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            tail.Append(buffer, 0, read);
            if (tail.Length > 2 * Keep)
            {
                tail.Remove(0, tail.Length - Keep);
            }
        }

        return tail.ToString();
    }

    [GeneratedRegex(@"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)")]
    private static partial Regex WallClock();

    [GeneratedRegex(@"Maximum resident set size \(kbytes\): (\d+)")]
    private static partial Regex MaxRss();
}
