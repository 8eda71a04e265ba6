using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ContainerAnalyzers.Benchmarks;

/// <summary>
/// Issue 26: what a real build pays for the package. A generated web project of N C# files (each a class of 12 small
/// LINQ methods), with a single-stage SDK Dockerfile, a compose file and appsettings that the rules read, is built with
/// and without the package, alternating, in fresh compiler processes and through the compiler server. Each build is
/// `dotnet build --no-incremental -p:ReportAnalyzer=true`: the package's line of the compiler's analyzer report and the
/// build's wall time are taken, and the medians printed. Packages compared in one run are built in the same rounds.
/// The .NET SDK's own analyzers are off, as in the issue.
/// </summary>
internal static partial class BuildCost
{
    public static int Run(IReadOnlyList<(string Label, string Feed, string Version)> packages, IReadOnlyList<int> fileCounts, int builds)
    {
        var root = Path.Combine(Path.GetTempPath(), "ContainerAnalyzers.BuildCost", DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture));
        Console.WriteLine($"build cost: {builds} rounds per cell, each package's build and one without it in every round, in rotating order, medians; projects under {root}");
        Console.WriteLine("| package | C# files | compiler | package's ReportAnalyzer time (ms) | all analyzers (ms) | wall with (s) | wall without (s) | difference (s) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var files in fileCounts)
        {
            var without = Path.Combine(root, files.ToString(CultureInfo.InvariantCulture), "without", "App");
            WriteProject(without, files, null);
            Restore(without);
            var with = new string[packages.Count];
            for (var p = 0; p < packages.Count; p++)
            {
                with[p] = Path.Combine(root, files.ToString(CultureInfo.InvariantCulture), packages[p].Label, "App");
                WriteProject(with[p], files, packages[p]);
                Restore(with[p]);
            }

            foreach (var server in new[] { false, true })
            {
                if (server)
                {
                    // The server's first build of each project loads and JITs everything: not what a rebuild pays.
                    foreach (var folder in with.Append(without))
                    {
                        Build(folder, server: true);
                    }
                }

                // Every round builds each package and the project without it, in rotating order, so a machine that slows
                // down or speeds up during the run (a shared host does) moves every column alike instead of the package
                // measured last.
                var ours = packages.Select(_ => new List<double>()).ToArray();
                var all = packages.Select(_ => new List<double>()).ToArray();
                var wallWith = packages.Select(_ => new List<double>()).ToArray();
                var wallWithout = new List<double>();
                for (var i = 0; i < builds; i++)
                {
                    // The project without the package takes its turn in the rotation too: always building it last
                    // would give it whatever the machine does after two builds.
                    for (var k = 0; k <= packages.Count; k++)
                    {
                        var p = (i + k) % (packages.Count + 1);
                        if (p == packages.Count)
                        {
                            wallWithout.Add(Build(without, server).WallSeconds);
                            continue;
                        }

                        var (withWall, withReport) = Build(with[p], server);
                        wallWith[p].Add(withWall);
                        ours[p].Add(PackageSeconds(withReport) * 1000);
                        all[p].Add(TotalSeconds(withReport) * 1000);
                    }
                }

                for (var p = 0; p < packages.Count; p++)
                {
                    var differences = wallWith[p].Zip(wallWithout, (a, b) => a - b).ToList();
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {packages[p].Label} | {files:N0} | {(server ? "server" : "fresh process")} | {Median(ours[p]):F0} (min {ours[p].Min():F0}, max {ours[p].Max():F0}) | {Median(all[p]):F0} | {Median(wallWith[p]):F2} | {Median(wallWithout):F2} | {Median(differences):+0.00;-0.00} (IQR {Quartile(differences, 1):+0.00;-0.00} … {Quartile(differences, 3):+0.00;-0.00}) |"));
                }
            }
        }

        return 0;
    }

    /// <summary>Writes the generated project into <paramref name="folder"/>, restores and builds it once (for --project-driver).</summary>
    public static int Generate(string folder, int files, (string Label, string Feed, string Version)? package)
    {
        WriteProject(folder, files, package);
        Restore(folder);
        Build(folder, server: false);
        Console.WriteLine($"generated and built {folder} ({files} C# files{(package is { } p ? ", package " + p.Version : string.Empty)})");
        return 0;
    }

    /// <summary>The generated project: <paramref name="files"/> C# classes, the issue's inputs, and the package when given.</summary>
    internal static void WriteProject(string folder, int files, (string Label, string Feed, string Version)? package)
    {
        Directory.CreateDirectory(Path.Combine(folder, "Generated"));
        var reference = package is { } p ? $"<ItemGroup><PackageReference Include=\"ContainerAnalyzers\" Version=\"{p.Version}\" /></ItemGroup>" : string.Empty;
        File.WriteAllText(Path.Combine(folder, "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings><Nullable>enable</Nullable><EnableNETAnalyzers>false</EnableNETAnalyzers></PropertyGroup>
              {reference}
            </Project>
            """);
        // MSBuild's search for build files stops at the project's own folder; files above it are left alone (a
        // Directory.Build.props in /tmp would reach every other build under /tmp).
        File.WriteAllText(Path.Combine(folder, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(folder, "Directory.Build.targets"), "<Project />\n");
        if (package is { } feed)
        {
            File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration><packageSources><add key="bench" value="{feed.Feed}" /></packageSources></configuration>
                """);
        }

        File.WriteAllText(Path.Combine(folder, "Program.cs"), "var builder = WebApplication.CreateBuilder(args);\nbuilder.WebHost.UseUrls(\"http://+:5000\");\nvar app = builder.Build();\napp.MapGet(\"/\", () => \"hello\");\napp.Run();\n");
        File.WriteAllText(Path.Combine(folder, "appsettings.json"), "{\n  \"Kestrel\": { \"Endpoints\": { \"Http\": { \"Url\": \"http://+:5000\" } } }\n}\n");
        File.WriteAllText(Path.Combine(folder, "docker-compose.yml"), "services:\n  app:\n    build: .\n    ports:\n      - \"8080:80\"\n");
        File.WriteAllText(Path.Combine(folder, "Dockerfile"), "FROM mcr.microsoft.com/dotnet/sdk:10.0\nWORKDIR /src\nCOPY . .\nRUN dotnet publish -c Release -o /app\nWORKDIR /app\nEXPOSE 80\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n");
        for (var i = 0; i < files; i++)
        {
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"namespace App.Generated;\n\npublic static class Numbers{i}\n{{\n");
            for (var m = 0; m < 12; m++)
            {
                text.Append(CultureInfo.InvariantCulture, $"    public static int Sum{m}(IEnumerable<int> values) => values.Where(v => v % {m + 2} == 0).Select(v => v * {m + 1}).Sum();\n\n");
            }

            File.WriteAllText(Path.Combine(folder, "Generated", $"Numbers{i}.cs"), text.Append("}\n").ToString());
        }
    }

    internal static void Restore(string folder) => Process(folder, "restore", "-nologo", "-v:q");

    internal static (double WallSeconds, string Output) Build(string folder, bool server)
    {
        var watch = Stopwatch.StartNew();
        var output = Process(folder, "build", "--no-restore", "--no-incremental", "-nologo", "-c", "Release", "-nodeReuse:false",
            "-p:UseSharedCompilation=" + (server ? "true" : "false"), "-p:ReportAnalyzer=true", "-v:d");
        return (watch.Elapsed.TotalSeconds, output);
    }

    internal static string Process(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = System.Diagnostics.Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed in {folder}:\n{output[Math.Max(0, output.Length - 4000)..]}{stderr.Result}");
        }

        return output;
    }

    // The compiler's report: "Total analyzer execution time: 1.234 seconds." then one line per assembly ("0.250  20
    // ContainerAnalyzers, Version=…"); the seconds may use the machine's decimal separator.
    internal static double PackageSeconds(string report) => AssemblySeconds(report, "ContainerAnalyzers");

    /// <summary>One analyzer assembly's line of the report, by its simple name.</summary>
    internal static double AssemblySeconds(string report, string assemblyName)
        => Regex.Match(report, @"^\s*(?:<)?\s*([0-9]+[.,][0-9]+)\s+(?:<)?\s*[0-9]+\s+" + Regex.Escape(assemblyName) + ", Version=", RegexOptions.Multiline) is { Success: true } m
            ? Seconds(m.Groups[1].Value) : double.NaN;

    internal static double TotalSeconds(string report)
        => TotalLine().Match(report) is { Success: true } m ? Seconds(m.Groups[1].Value) : double.NaN;

    private static double Seconds(string text) => double.Parse(text.Replace(',', '.'), CultureInfo.InvariantCulture);

    internal static double Median(List<double> values) => Quartile(values, 2);

    internal static double Quartile(List<double> values, int quarter)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).OrderBy(v => v).ToList();
        return sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, sorted.Count * quarter / 4)];
    }

    [GeneratedRegex(@"Total analyzer execution time: ([0-9]+[.,][0-9]+) seconds")]
    private static partial Regex TotalLine();
}
