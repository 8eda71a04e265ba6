using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Syntax;

[TestFixture]
public sealed class ParserTests
{
    [Test]
    public void FromKeepsSpansOfImageNameAndPlatform()
    {
        const string text = "FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:8.0 AS build\n";
        var tree = DockerfileParser.Parse(text);

        var from = (FromInstructionSyntax)tree.Instructions.Single();
        Assert.That(tree.GetText(from.Image!.Span), Is.EqualTo("mcr.microsoft.com/dotnet/sdk:8.0"));
        Assert.That(tree.GetText(from.StageName!.Span), Is.EqualTo("build"));
        Assert.That(from.Platform!.Value, Is.EqualTo("$BUILDPLATFORM"));
        Assert.That(tree.GetText(from.Platform.ValueSpan), Is.EqualTo("$BUILDPLATFORM"));
    }

    [Test]
    public void TokensSpanContinuationLines()
    {
        const string text = "FROM scratch\nCOPY --from=build \\\n  # a comment inside\n  /app \\\n  /dest\n";
        var tree = DockerfileParser.Parse(text);

        var copy = (CopyInstructionSyntax)tree.Instructions[1];
        Assert.That(copy.From!.Value, Is.EqualTo("build"));
        Assert.That(tree.GetText(copy.Destination!.Span), Is.EqualTo("/dest"));
        Assert.That(tree.Lines.GetLinePosition(copy.Destination.Span.Start).Line, Is.EqualTo(4));
        Assert.That(tree.ToFullString(), Is.EqualTo(text));
    }

    // A joined line maps back to the file piece by piece; a line that is only a continuation is an empty piece.
    [Test]
    public void TokensAfterEmptyContinuationPiecesKeepTheirSpans()
    {
        const string text = "FROM scratch\nCOPY \\\n\\\n   /app   \\\n\\\n/dest\n";
        var tree = DockerfileParser.Parse(text);

        var copy = (CopyInstructionSyntax)tree.Instructions[1];
        Assert.That(copy.Sources.Select(s => tree.GetText(s.Span)), Is.EqualTo(new[] { "/app" }));
        Assert.That(tree.GetText(copy.Destination!.Span), Is.EqualTo("/dest"));
        Assert.That(tree.Lines.GetLinePosition(copy.Destination.Span.Start).Line, Is.EqualTo(5));
    }

    // The parser shares the strings of equal short words; the words themselves must stay exactly as written.
    [Test]
    public void EqualWordsShareOneStringAndKeepTheirOwnSpans()
    {
        const string text = "FROM scratch AS a\nCOPY x /app\ncopy y /app\nCOPY --from=a /app /app\n";
        var tree = DockerfileParser.Parse(text);

        var copies = tree.Instructions.OfType<CopyInstructionSyntax>().ToArray();
        Assert.That(copies.Select(c => c.Destination!.Value), Is.EqualTo(new[] { "/app", "/app", "/app" }));
        Assert.That(copies[1].Destination!.Value, Is.SameAs(copies[0].Destination!.Value));
        Assert.That(copies.Select(c => tree.GetText(c.Destination!.Span)), Is.EqualTo(new[] { "/app", "/app", "/app" }));
        Assert.That(copies.Select(c => c.Destination!.Span.Start).Distinct().Count(), Is.EqualTo(3));
        Assert.That(copies.Select(c => c.Keyword.Value), Is.EqualTo(new[] { "COPY", "copy", "COPY" }));
        Assert.That(copies[2].From!.Name, Is.EqualTo("from"));
        Assert.That(copies[2].From!.Text, Is.EqualTo("--from=a"));
    }

    [TestCase("COPY a b c /dest/", 3)]
    [TestCase("COPY a /dest/", 1)]
    [TestCase("COPY [\"a\", \"b\", \"/dest/\"]", 2)]
    [TestCase("COPY onlyone", 0)]
    [TestCase("COPY", 0)]
    public void SourcesAreEveryArgumentButTheDestination(string line, int sources)
    {
        var copy = (CopyInstructionSyntax)DockerfileParser.Parse("FROM scratch\n" + line + "\n").Instructions[1];
        Assert.That(copy.SourceCount, Is.EqualTo(sources));
        Assert.That(copy.Sources.Count(), Is.EqualTo(sources));
    }

    // A small table with many different words: words that land in the same slot must never be confused.
    [Test]
    public void TheStringTableNeverConfusesWordsThatCollide()
    {
        var table = new StringTable(textLength: 0);
        var words = Enumerable.Range(0, 5000).Select(i => "w" + i).ToArray();
        var source = string.Join(" ", words);
        var position = 0;
        foreach (var word in words)
        {
            Assert.That(table.Get(source, position, word.Length), Is.EqualTo(word));
            Assert.That(table.Get(word), Is.EqualTo(word));
            position += word.Length + 1;
        }

        Assert.That(table.Get(new string('x', 200)), Has.Length.EqualTo(200));
        Assert.That(table.Get(source, 0, 0), Is.Empty);
    }

    [Test]
    public void KeywordTokenIsMadeOnceAndKeepsItsSpan()
    {
        var tree = DockerfileParser.Parse("FROM scratch\n  run echo hi   \n");
        var run = tree.Instructions[1];
        Assert.That(run.Keyword, Is.SameAs(run.Keyword));
        Assert.That(tree.GetText(run.Keyword.Span), Is.EqualTo("run"));
        Assert.That(run.Kind, Is.EqualTo(InstructionKind.Run));
    }

    // The logical line is read from the file in place for a single line, and from the joined text otherwise.
    [TestCase("FROM scratch\n  RUN echo hi   \n", "RUN echo hi")]
    [TestCase("FROM scratch\r\nRUN echo hi\r\n", "RUN echo hi")]
    [TestCase("FROM scratch\nRUN echo \\\n  # note\n  hi\n", "RUN echo   hi")]
    [TestCase("FROM scratch\nONBUILD RUN echo hi\n", "ONBUILD RUN echo hi")]
    public void LogicalLineIsTheInstructionAsBuildKitJoinsIt(string text, string expected)
    {
        var tree = DockerfileParser.Parse(text);
        Assert.That(tree.Instructions[1].LogicalLine, Is.EqualTo(expected));
        Assert.That(tree.Instructions[1].ToString(), Is.EqualTo(expected));
    }

    [Test]
    public void HeredocsAreReadWithTheirBodies()
    {
        const string text = "FROM alpine\nRUN <<EOF1 <<-'EOF2'\necho one\nEOF1\n\techo two\n\tEOF2\nCMD [\"x\"]\n";
        var tree = DockerfileParser.Parse(text);

        var run = tree.Instructions[1];
        Assert.That(run.Heredocs.Select(h => (h.Name, h.Chomp, h.Expand, h.Content)), Is.EqualTo(new[]
        {
            ("EOF1", false, true, "echo one\n"),
            ("EOF2", true, false, "\techo two\n"),
        }));
        Assert.That(tree.Instructions, Has.Count.EqualTo(3));
        Assert.That(tree.Diagnostics, Is.Empty);
        Assert.That(tree.ToFullString(), Is.EqualTo(text));
    }

    [Test]
    public void KeyValuePairsInBothForms()
    {
        var tree = DockerfileParser.Parse("FROM a\nENV A=1 B=\"x y\"\nENV C some value\n");

        var pairs = tree.Instructions.Skip(1).Cast<KeyValueInstructionSyntax>().SelectMany(i => i.Pairs).Select(p => (p.Key.Value, p.Value.Value, p.IsLegacyForm));
        Assert.That(pairs, Is.EqualTo(new[] { ("A", "1", false), ("B", "\"x y\"", false), ("C", "some value", true) }));
    }

    [TestCase("${V:-8.0}", null, "8.0")]
    [TestCase("${V:-8.0}", "9.0", "9.0")]
    [TestCase("${V:+set}", "9.0", "set")]
    [TestCase("${V-x}", "", "")]
    [TestCase("\"quoted $V\"", "1", "quoted 1")]
    [TestCase("'$V'", "1", "$V")]
    public void WordExpansion(string word, string? value, string expected)
    {
        var result = WordExpander.Expand(word, '\\', name => name == "V" ? (value is null ? VariableValue.Unset : VariableValue.Of(value)) : VariableValue.Unset);
        Assert.That(result, Is.EqualTo(expected));
    }

    [TestCase("${V}")]
    [TestCase("${V:-x}")]
    [TestCase("${V#prefix}")]
    public void UnknownVariablesMakeTheWordUnknown(string word)
    {
        Assert.That(WordExpander.Expand(word, '\\', _ => VariableValue.Unknown), Is.Null);
    }

    [Test]
    public void GarbageAndBinaryInputNeverThrow()
    {
        var random = new Random(12345);
        for (var i = 0; i < 2000; i++)
        {
            var chars = new char[random.Next(0, 400)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = random.Next(10) switch
                {
                    0 => '\n',
                    1 => '\\',
                    2 => '"',
                    3 => '[',
                    4 => '<',
                    5 => '$',
                    _ => (char)random.Next(0, 0xFFFF),
                };
            }

            var text = new string(chars);
            var tree = DockerfileParser.Parse(text);
            Assert.That(tree.ToFullString(), Is.EqualTo(text));
            _ = DockerfileModel.Create(tree);
        }
    }

    [Test]
    public void PathologicalInputsParse()
    {
        var inputs = new[]
        {
            "CMD " + new string('[', 200_000),
            "FROM a\nRUN " + string.Concat(Enumerable.Repeat("x \\\n", 100_000)),
            "FROM a\nRUN " + string.Concat(Enumerable.Repeat("<<E ", 10_000)) + "\n",
            "FROM a\nRUN \"" + new string('x', 1_000_000),
            "FROM a\nENV " + new string('=', 100_000),
            "\0\0\0FROM\0a",
        };

        foreach (var input in inputs)
        {
            var tree = DockerfileParser.Parse(input);
            Assert.That(tree.ToFullString(), Is.EqualTo(input));
        }
    }

    [Test]
    public void CancellationIsHonoured()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        Assert.Throws<OperationCanceledException>(() => DockerfileParser.Parse(string.Concat(Enumerable.Repeat("RUN x\n", 1000)), source.Token));
    }
}
