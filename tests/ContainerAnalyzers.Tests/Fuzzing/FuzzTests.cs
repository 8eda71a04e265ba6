using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Fuzzing;

/// <summary>
/// The bounded fuzz run of the test suite: a fixed seed and count, so it is deterministic and quick. The long run
/// (a million inputs) is the benchmark tool's <c>--fuzz</c> mode, run by hand. Timing is measured there, not here.
/// </summary>
[TestFixture]
public sealed class FuzzTests
{
    private const int Seed = 20261127;
    private const int Count = 4000;

    [Test]
    public void RandomAndMutatedInputsNeverThrow()
    {
        var fuzzer = new DockerfileFuzzer(Seed, SeedTexts());
        for (var i = 0; i < Count; i++)
        {
            var text = fuzzer.Next();
            try
            {
                fuzzer.Check(text, withFixes: i % 10 == 0);
            }
            catch (Exception exception)
            {
                Assert.Fail($"input {i} of seed {Seed} threw {exception}\n--- input ---\n{text}");
            }
        }
    }

    // A hang guard, not a timing assertion (speed is the benchmark's): an input that never finishes fails here,
    // through the cancellation the rules and the fixes honour, instead of stalling the lane.
    [TestCaseSource(typeof(DockerfileFuzzer), nameof(DockerfileFuzzer.PathologicalInputs))]
    [CancelAfter(120_000)]
    public void PathologicalInputNeverThrows((string Name, string Text) input, CancellationToken cancellationToken)
        => Assert.DoesNotThrow(() => new DockerfileFuzzer(Seed, Array.Empty<string>()).Check(input.Text, withFixes: true, cancellationToken), input.Name);

    [Test]
    public void CancellationIsHonoured()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var fuzzer = new DockerfileFuzzer(Seed, Array.Empty<string>());
        Assert.That(() => fuzzer.Check("FROM scratch\n" + string.Concat(Enumerable.Repeat("RUN x\n", 10_000)), withFixes: true, cancellation.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    /// <summary>Seeds for mutation: the shared corpora when present, and the golden Dockerfiles of the fix tests.</summary>
    internal static IReadOnlyList<string> SeedTexts()
    {
        var files = new List<string>();
        foreach (var corpus in new[] { "buildkit-parser", "dotnet-docker-samples" })
        {
            if (TestPaths.FindCorpus(corpus) is { } root)
            {
                files.AddRange(Directory.EnumerateFiles(root, "Dockerfile*", SearchOption.AllDirectories));
            }
        }

        files.AddRange(Directory.EnumerateFiles(Path.Combine(TestPaths.RepositoryRoot, "tests", "ContainerAnalyzers.Tests", "Fixes", "Golden")));
        return files.OrderBy(f => f, StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
    }
}

/// <summary>The compose reader and rules on hostile YAML: never an exception, never a stack overflow, at most one syntax finding.</summary>
[TestFixture]
public sealed class ComposeFuzzTests
{
    private const int Seed = 20261130;

    private static readonly string[] Fragments =
    {
        "services:\n", "  web:\n", "    build: .\n", "    ports:\n", "      - \"80:80\"\n", "      - target: 80\n", "    environment:\n", "      - A=${B:-c}\n",
        "    healthcheck:\n      test: curl x\n", "    command: [\"dotnet\", \"run\"]\n", "    user: root\n", "<<: *x\n", "&x ", "*x", "[", "]", "{", "}", "\"", "'", ":", "- ",
        "\t", "\0", "\uFEFF", "\r\n", "\n", "#", "|\n", ">-\n", "!!binary ", "%YAML 1.2\n---\n", "---\n", "...\n", "? ", "$$", "${", "\\", "\u2028",
    };

    private static readonly string Dockerfile = Rules.Compose.ComposeTexts.Chiseled8;

    [Test]
    public void RandomComposeTextsNeverThrow()
    {
        var random = new Random(Seed);
        var seed = "services:\n  web:\n    build: .\n    ports:\n      - \"80:80\"\n    healthcheck:\n      test: [\"CMD\", \"curl\", \"-f\", \"http://localhost/\"]\n";
        for (var i = 0; i < 3000; i++)
        {
            var text = new System.Text.StringBuilder(i % 3 == 0 ? seed : string.Empty);
            for (var n = random.Next(1, 30); n > 0; n--)
            {
                text.Insert(random.Next(text.Length + 1), Fragments[random.Next(Fragments.Length)]);
            }

            Check(text.ToString(), $"input {i} of seed {Seed}");
        }
    }

    [TestCase(100_000, "[")]
    [TestCase(100_000, "{a: ")]
    [TestCase(100_000, "- ")]
    [TestCase(20_000, " ")]
    [TestCase(100_000, "*a ")]
    public void DeepOrLongInputs_Handled(int count, string fragment)
        => Check("services:\n  web:\n    build: " + string.Concat(Enumerable.Repeat(fragment, count)) + "\n", fragment);

    [Test]
    public void IndentedDeepNesting_Handled()
        => Check(string.Concat(Enumerable.Range(0, 5000).Select(i => new string(' ', i % 300) + "a:\n")), "indentation");

    private static void Check(string text, string what)
    {
        try
        {
            var findings = Infrastructure.EngineTest.ForApp().AnalyzeCompose(Dockerfile, text);
            Assert.That(findings.Count(f => f.Rule.Id == "CTR0091"), Is.AtMost(1), what);
            Projects.AppSettingsReader.Read("appsettings.json", text);
        }
        catch (Exception exception) when (exception is not AssertionException)
        {
            Assert.Fail($"{what} threw {exception}\n--- input ---\n{text}");
        }
    }
}
