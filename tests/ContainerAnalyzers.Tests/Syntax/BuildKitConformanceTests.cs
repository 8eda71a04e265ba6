using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Syntax;

/// <summary>
/// BuildKit's own parser cases (../shared/corpora/buildkit-parser): every positive case must dump exactly as
/// BuildKit's result file, every negative case must yield a syntax diagnostic, and nothing may throw.
/// </summary>
[TestFixture]
public sealed class BuildKitConformanceTests
{
    private const string Corpus = "buildkit-parser";
    private const string Absent = "(corpus absent)";

    public static IEnumerable<string> PositiveCases() => CaseNames("testfiles");

    public static IEnumerable<string> NegativeCases() => CaseNames("testfiles-negative");

    [TestCaseSource(nameof(PositiveCases))]
    public void PositiveCaseMatchesBuildKitDump(string caseName)
    {
        var folder = Path.Combine(CaseFolder(caseName, "testfiles"));
        var text = ReadUtf8(Path.Combine(folder, "Dockerfile"));
        var expected = File.ReadAllText(Path.Combine(folder, "result")).Replace("\r\n", "\n");

        var tree = DockerfileParser.Parse(text);

        Assert.That(BuildKitDump.Dump(tree), Is.EqualTo(expected));
        Assert.That(tree.ToFullString(), Is.EqualTo(text), "the tree must be lossless");
    }

    [TestCaseSource(nameof(NegativeCases))]
    public void NegativeCaseReportsSyntaxDiagnostic(string caseName)
    {
        var text = ReadUtf8(Path.Combine(CaseFolder(caseName, "testfiles-negative"), "Dockerfile"));

        var tree = DockerfileParser.Parse(text);

        Assert.That(tree.Diagnostics, Is.Not.Empty);
        Assert.That(tree.ToFullString(), Is.EqualTo(text));
    }

    [Test]
    public void LineNumbersMatchTheReferenceCase()
    {
        var folder = Path.Combine(TestPaths.RequireCorpus(Corpus), "testfile-line");
        var tree = DockerfileParser.Parse(ReadUtf8(Path.Combine(folder, "Dockerfile")));

        // BuildKit's parser_test.go: FROM on line 5, ENV on 11-12, RUN on 17-31 (one-based).
        var lines = tree.Instructions.Select(i => (tree.Lines.GetLinePosition(i.Span.Start).Line + 1, tree.Lines.GetLinePosition(i.Span.End).Line + 1)).ToArray();
        Assert.That(lines, Is.EqualTo(new[] { (5, 5), (11, 12), (17, 31) }));
    }

    private static IEnumerable<string> CaseNames(string kind)
    {
        var root = TestPaths.FindCorpus(Corpus);
        if (root is null)
        {
            return new[] { Absent };
        }

        return Directory.GetDirectories(Path.Combine(root, kind)).Select(Path.GetFileName).OfType<string>().OrderBy(n => n, StringComparer.Ordinal).ToArray();
    }

    private static string CaseFolder(string caseName, string kind)
    {
        var root = TestPaths.RequireCorpus(Corpus);
        return Path.Combine(root, kind, caseName);
    }

    // Dockerfiles are UTF-8; keep a BOM as the text's first character, as the compiler's SourceText would.
    private static string ReadUtf8(string path) => new System.Text.UTF8Encoding(false).GetString(File.ReadAllBytes(path));
}
