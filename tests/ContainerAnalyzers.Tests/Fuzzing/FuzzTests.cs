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

    [TestCaseSource(typeof(DockerfileFuzzer), nameof(DockerfileFuzzer.PathologicalInputs))]
    public void PathologicalInputNeverThrows((string Name, string Text) input)
        => Assert.DoesNotThrow(() => new DockerfileFuzzer(Seed, Array.Empty<string>()).Check(input.Text, withFixes: true), input.Name);

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
