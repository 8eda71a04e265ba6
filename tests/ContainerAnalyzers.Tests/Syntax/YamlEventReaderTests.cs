using ContainerAnalyzers.Compose;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;
using YamlDotNet.Core;

namespace ContainerAnalyzers.Tests.Syntax;

/// <summary>
/// The package reads YAML with its own event reader over YamlDotNet's scanner (YamlDotNet's parser costs a fresh
/// compiler a compiled regex), and hands YamlDotNet's parser what is outside the reader's grammar. Together they must
/// read every text as YamlDotNet's parser alone does: the same tree, marks, anchors and styles, and the same error,
/// message and position where the text is not YAML.
/// </summary>
[TestFixture]
public sealed class YamlEventReaderTests
{
    private static readonly string[] Cases =
    {
        string.Empty,
        "# only a comment\n",
        "a",
        "a: b",
        "services:\n  web:\n    build: .\n    ports:\n      - \"8080:80\"\n      - 9090:90\n",
        "x-common: &common\n  restart: always\nservices:\n  web:\n    <<: *common\n    image: app\n",
        "list:\n- a\n-\n- - b\n  - c\n- d: e\n  f: g\nnext: 1\n",
        "key:\nother: ~\nthird: null\n",
        "command: [\"dotnet\", 'App.dll', plain, {a: b}, [nested], ]\n",
        "flow: {a: b, c, ? d, e: , : f}\n",
        "pairs: [a: b, ? c : d, : e, f: ]\n",
        "tagged: !reset []\nover: !override\n  a: b\nstr: !!str 8080\nempty: !reset\nlast: 1\n",
        "anchored: &a\n  - 1\nalias: *a\nscalar: &s value\nagain: *s\nempty: &e\nafter: 1\n",
        "? complex key\n: complex value\n? [a, b]\n: c\n",
        "block: |\n  line one\n  line two\nfolded: >-\n  folded\n  text\nkeep: |+\n  kept\n\n",
        "---\na: b\n...\n---\nc: d\n",
        "%YAML 1.1\n%TAG !e! tag:example.com,2000:\n---\na: !e!thing b\n",
        "%YAML 1.1\n%YAML 1.1\n---\na: b\n",
        "%YAML 2.0\n---\na: b\n",
        "a: !undefined!tag b\n",
        "---\n",
        "--- value\n",
        "...\n",
        "a: b\n- c\n",
        "a: [b, c\n",
        "a: {b: c\n",
        "a: *missing\n",
        "a: b\na: c\n",
        "  - a\n - b\n",
        "a:\n  - b\n c: d\n",
        "key: \"unterminated\n",
        "[a, b]: c\n",
        "- &x a\n- *x\n- &y [*x]\n",
        "&x a: b\n",
        "*x : b\n",
        ": no key\n",
        "a:\n  b:\n    c:\n      d: e\n",
        "\t- tab\n",
        "{a: 1}\n",
        "[1, 2]\n",
        "'single': \"double\"\n",
        "multi\n  line\n  plain: no\n",
    };

    [TestCaseSource(nameof(Cases))]
    public void ReadsAsYamlDotNetsParserReads(string text) => AssertSameReading(text, text);

    [Test]
    public void ReadsEveryYamlFileOfTheCorporaAsYamlDotNetsParserReads()
    {
        var files = CorpusYamlFiles();
        var parserReadsBefore = YamlTree.ParserReads;
        foreach (var file in files)
        {
            AssertSameReading(File.ReadAllText(file), file);
        }

        Assert.That(files, Has.Count.GreaterThan(20), "the corpora's compose files, workflows and action files");
        var byParser = YamlTree.ParserReads - parserReadsBefore;
        TestContext.Out.WriteLine($"{files.Count - byParser} of {files.Count} YAML files read by the reader, {byParser} by YamlDotNet's parser");
        Assert.That(byParser, Is.LessThanOrEqualTo(files.Count / 5), $"the reader reads most real files itself ({byParser} of {files.Count} went to YamlDotNet's parser)");
    }

    [Test]
    public void ReadsBrokenYamlAsYamlDotNetsParserReads()
    {
        // Every corpus file cut, doubled or with a character dropped or inserted: half-typed and broken files, where
        // the error and its position are what the user sees.
        var texts = CorpusYamlFiles()
            .Select(File.ReadAllText)
            .Concat(Cases)
            .Where(t => t.Length > 0)
            .ToList();
        var random = new Random(26);
        const string Inserted = ":-[]{},?&*!|>'\"#% \n\t";
        var checkedTexts = 0;
        foreach (var text in texts)
        {
            for (var i = 0; i < 40; i++)
            {
                var at = random.Next(text.Length);
                var mutated = (i % 4) switch
                {
                    0 => text.Substring(0, at),
                    1 => text.Remove(at, 1),
                    2 => text.Insert(at, Inserted[random.Next(Inserted.Length)].ToString()),
                    _ => text.Insert(at, text.Substring(at, Math.Min(text.Length - at, random.Next(1, 40)))),
                };
                AssertSameReading(mutated, $"mutation {i} of a {text.Length}-character text at {at}");
                checkedTexts++;
            }
        }

        Assert.That(checkedTexts, Is.GreaterThan(1000));
    }

    // The shared corpora's compose files, workflows and action files.
    private static List<string> CorpusYamlFiles() => Directory.EnumerateFiles(TestPaths.RequireCorpus("."), "*.*", SearchOption.AllDirectories)
        .Where(f => f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
        .OrderBy(f => f, StringComparer.Ordinal)
        .ToList();

    private static void AssertSameReading(string text, string what)
    {
        var expected = Outcome(() => YamlTree.LoadWithParser(text));
        var actual = Outcome(() => YamlTree.Load(text));
        Assert.That(actual.Error, Is.EqualTo(expected.Error), $"{what}: the error\n{text}");
        Assert.That(actual.Tree, Is.EqualTo(expected.Tree), $"{what}: the tree\n{text}");
    }

    private static (string Tree, string? Error) Outcome(Func<YamlNode?> load)
    {
        try
        {
            return (Describe(load()), null);
        }
        catch (Exception exception) when (exception is not AssertionException)
        {
            var mark = exception is YamlException yaml ? $" at {yaml.Start.Line}:{yaml.Start.Column}-{yaml.End.Line}:{yaml.End.Column}" : string.Empty;
            return (string.Empty, $"{exception.GetType().Name}{mark}: {exception.Message}");
        }
    }

    // The tree as text: each node's kind, marks, style and value, and for a node met twice (an alias), the first
    // place it was met, so shared nodes must be shared the same way.
    private static string Describe(YamlNode? root)
    {
        if (root is null)
        {
            return "(no document)";
        }

        var seen = new Dictionary<YamlNode, int>(ReferenceEqualityComparer.Instance);
        var lines = new List<string>();
        var pending = new Stack<(YamlNode Node, int Depth)>();
        pending.Push((root, 0));
        while (pending.Count > 0)
        {
            var (node, depth) = pending.Pop();
            var marks = $"{node.Start.Line}:{node.Start.Column}-{node.End.Line}:{node.End.Column}";
            if (seen.TryGetValue(node, out var first))
            {
                lines.Add($"{new string(' ', depth)}alias of #{first}");
                continue;
            }

            seen[node] = lines.Count;
            switch (node)
            {
                case YamlScalar scalar:
                    lines.Add($"{new string(' ', depth)}scalar {marks} {scalar.Style} '{scalar.Value}'");
                    break;
                case YamlSequence sequence:
                    lines.Add($"{new string(' ', depth)}sequence {marks}");
                    foreach (var item in Enumerable.Reverse(sequence.Items))
                    {
                        pending.Push((item, depth + 1));
                    }

                    break;
                case YamlMapping mapping:
                    lines.Add($"{new string(' ', depth)}mapping {marks}");
                    foreach (var pair in Enumerable.Reverse(mapping.Pairs))
                    {
                        pending.Push((pair.Value, depth + 2));
                        pending.Push((pair.Key, depth + 1));
                    }

                    break;
            }
        }

        return string.Join("\n", lines);
    }
}
