using ContainerAnalyzers.Fixes;
using ContainerAnalyzers.Projects;
using ContainerAnalyzers.Semantics;

namespace ContainerAnalyzers.Benchmarks;

/// <summary>
/// What the fixer makes of every corpus pair, in a stable order: each fix's kind, title, new text and the lines it
/// leaves out, then the rule fixes applied together. The fixer reads the rules' facts, so a change to those facts is
/// proven not to change a fix by a plain text diff of two dumps (before and after), as --dump-diagnostics does for
/// the diagnostics. The code's endpoints are read from the project folder's C# files, as the FixDockerfile task does.
/// </summary>
internal static class FixDump
{
    public static int Run(IReadOnlyList<CorpusPair> pairs, TextWriter output)
    {
        foreach (var pair in pairs)
        {
            output.WriteLine($"=== {pair.Name}");
            try
            {
                var properties = pair.Properties();
                var projectPath = pair.ProjectPath ?? Path.Combine(Path.GetDirectoryName(pair.DockerfilePath)!, "App.csproj");
                var facts = ProjectFacts.Create(p => properties.TryGetValue(p, out var v) ? v : null, projectPath, pair.ProjectText());
                var inputs = new FixInputs { Code = CodeEndpointText.Scan(Sources(Path.GetDirectoryName(projectPath)!)) };
                var text = File.ReadAllText(pair.DockerfilePath);
                foreach (var fix in DockerfileFixes.GetFixes(text, pair.DockerfilePath, facts, inputs: inputs))
                {
                    output.WriteLine($"--- {fix.Kind}: {fix.Title}");
                    output.WriteLine(fix.NewText);
                    foreach (var dropped in fix.DroppedLines)
                    {
                        output.WriteLine("not kept: " + dropped);
                    }
                }

                var applied = DockerfileFixes.ApplyRuleFixes(text, pair.DockerfilePath, facts, inputs);
                output.WriteLine($"--- rule fixes: {string.Join(", ", applied.Applied)}");
                output.WriteLine(applied.Text);
            }
            catch (Exception exception)
            {
                output.WriteLine($"!!! {exception.GetType().Name}: {exception.Message}");
            }
        }

        return 0;
    }

    private static IEnumerable<string> Sources(string folder)
        => Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Where(p => !p.Contains("/bin/", StringComparison.Ordinal) && !p.Contains("/obj/", StringComparison.Ordinal))
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(File.ReadAllText)
            : Enumerable.Empty<string>();
}
