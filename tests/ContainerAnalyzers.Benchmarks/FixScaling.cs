using System.Diagnostics;
using System.Globalization;
using ContainerAnalyzers.Fixes;
using ContainerAnalyzers.Projects;
using ContainerAnalyzers.Rules;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;

namespace ContainerAnalyzers.Benchmarks;

/// <summary>
/// Issue 25: the fixes' time is linear in the file's size, as the rules' is. A chain of N stages (each built on the
/// last, the first one publishing) is analyzed by every rule and then fixed (every fix offered, each result checked by
/// the rules), best of a few runs, for N doubling; the table shows both times and their ratio.
/// </summary>
internal static class FixScaling
{
    private const string DockerfilePath = "/repo/src/App/Dockerfile";

    public static int Run(IReadOnlyList<int> sizes, int runs)
    {
        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["MSBuildProjectName"] = "App",
            ["MSBuildProjectFullPath"] = "/repo/src/App/App.csproj",
            ["TargetFramework"] = "net10.0",
            ["OutputType"] = "Exe",
            ["UsingMicrosoftNETSdkWeb"] = "true",
        };
        var project = ProjectFacts.Create(p => properties.TryGetValue(p, out var v) ? v : null, "/repo/src/App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\" />");

        Console.WriteLine("| stages | size | rules (ms) | fixes (ms) | fixes / rules | fixes offered |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var stages in sizes)
        {
            var text = Chain(stages);
            var rules = Best(runs, () =>
            {
                var model = DockerfileModel.Create(DockerfileParser.Parse(text));
                RuleHost.Run(new DockerfileAnalysis(model, project) { DockerfilePath = DockerfilePath }, AllRules.DockerfileRules, CancellationToken.None);
            });
            var offered = 0;
            var fixes = Best(runs, () => offered = DockerfileFixes.GetFixes(text, DockerfilePath, project).Count);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {stages:N0} | {text.Length / 1024.0:F0} KB | {rules:F0} | {fixes:F0} | {fixes / rules:F1} | {offered} |"));
        }

        return 0;
    }

    /// <summary>An SDK stage that publishes, then <paramref name="stages"/> − 1 stages each built on the one before, the last one starting the app.</summary>
    internal static string Chain(int stages)
    {
        var text = new System.Text.StringBuilder("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS s0\nWORKDIR /src\nCOPY . .\nRUN dotnet publish -c Release -o /app\n");
        for (var i = 1; i < stages; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"FROM s{i - 1} AS s{i}\nENV STEP={i}\nRUN echo {i}\n");
        }

        return text.Append("ENTRYPOINT [\"dotnet\", \"/app/App.dll\"]\n").ToString();
    }

    private static double Best(int runs, Action action)
    {
        var best = double.MaxValue;
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
        }

        return best;
    }
}
