using System.Text.RegularExpressions;
using ContainerAnalyzers.Benchmarks;
using ContainerAnalyzers.Fixes;
using ContainerAnalyzers.Projects;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Fixes;

/// <summary>
/// Every fix on the real repositories of the shared corpus (issue 16): our own rules report nothing on the output, the
/// final stage receives no sources (no COPY of the context, a project file or a .cs file), and every RUN of the user's
/// is either in the new file or named in the fix's log. Static checks on the text; the container suite builds images.
/// </summary>
[TestFixture]
public sealed class RealRepositoryFixTests
{
    private static IReadOnlyList<CorpusPair> RealRepositoryPairs()
        => TestPaths.FindCorpus("real-repos") is { } realRepos
            ? CorpusPair.FromSharedCorpora(Path.GetDirectoryName(realRepos)!).Where(p => p.Name.StartsWith("real-repos/", StringComparison.Ordinal)).ToArray()
            : Array.Empty<CorpusPair>();

    public static IEnumerable<TestCaseData> Pairs()
    {
        var pairs = RealRepositoryPairs();
        if (pairs.Count == 0)
        {
            // Reported as skipped, with the reason, by RequireCorpus.
            return new[] { new TestCaseData(string.Empty) { TestName = "real-repos corpus absent" } };
        }

        return pairs.Select(p => new TestCaseData(p.Name) { TestName = p.Name });
    }

    [TestCaseSource(nameof(Pairs))]
    public void FixesShipOnlyTheAppAndNameEveryRunTheyLeaveOut(string name)
    {
        TestPaths.RequireCorpus("real-repos");
        var pair = RealRepositoryPairs().Single(p => p.Name == name);

        var properties = pair.Properties();
        var projectPath = pair.ProjectPath ?? Path.Combine(Path.GetDirectoryName(pair.DockerfilePath)!, "App.csproj");
        var facts = ProjectFacts.Create(p => properties.TryGetValue(p, out var v) ? v : null, projectPath, pair.ProjectText());
        var text = File.ReadAllText(pair.DockerfilePath);
        var old = DockerfileParser.Parse(text);
        var fixes = DockerfileFixes.GetFixes(text, pair.DockerfilePath, facts);
        foreach (var fix in fixes)
        {
            TestContext.Out.WriteLine($"--- {fix.Kind}\n{fix.NewText}\n{string.Join("\n", fix.DroppedLines.Select(d => "not kept: " + d))}");
            var model = DockerfileModel.Create(DockerfileParser.Parse(fix.NewText));
            var final = model.FinalStage!;
            if (fix.Kind != DockerfileFixKind.SwapImage)
            {
                foreach (var copy in final.Instructions.OfType<CopyInstructionSyntax>().Where(c => c.From is null))
                {
                    var sources = copy.Sources.Select(s => s.Value).ToArray();
                    Assert.That(sources, Has.None.Matches<string>(s => s is "." or "./" or "*" || Regex.IsMatch(s, @"\.(cs|csproj|fsproj|vbproj|sln)$")), $"{fix.Kind}: the final stage copies sources: {copy.LogicalLine}");
                }
            }

            Assert.That(EngineTest.ForProperties(properties).WithProject(projectPath, pair.ProjectText()).Warnings(fix.NewText), Is.Empty, $"{fix.Kind}: our own rules report nothing on the output");
            var newText = fix.NewText.Replace("\r\n", "\n");
            foreach (var run in old.Instructions.Where(i => i.Kind == InstructionKind.Run))
            {
                var runText = old.GetText(run.Span).Replace("\r\n", "\n").Trim();
                var line = old.Lines.GetLineNumber(run.Span.Start) + 1;
                var kept = Regex.IsMatch(newText, @"(^|\n)[ \t]*" + Regex.Escape(runText));
                var logged = fix.DroppedLines.Concat(fix.EditedLines).Any(d => d.StartsWith($"line {line}: ", StringComparison.Ordinal));
                Assert.That(kept || logged, Is.True, $"{fix.Kind}: line {line} '{run.LogicalLine.Trim()}' is neither kept nor in the log");
            }
        }

        TestContext.Out.WriteLine($"{fixes.Count} fixes");
    }
}
