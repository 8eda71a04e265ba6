using ContainerAnalyzers.Tests.Containers;
using NUnit.Framework;

// Outside the Containers namespace, whose set-up skips every test where podman is missing: this one needs no engine.
namespace ContainerAnalyzers.Tests.Suites;

/// <summary>The real-repository suite's reading of a rewritten file's header (it lives with the suite, in the slow lane's project).</summary>
[TestFixture]
public sealed class HeaderCommandTests
{
    // The real-repository suite reads the header back to compare it with the repository's own command.
    [TestCase("\uFEFF# App: built on…\n# The build context is .. (src/): the old file's COPY paths are relative to it. From that\n# folder:\n#   docker build -t app -f Worker/Dockerfile .\n\nFROM x\n", "src/Worker/Dockerfile", "src", "src/Worker/Dockerfile")]
    [TestCase("# App: built on…\n# Build it from this folder:\n#   docker build -t app -f worker.Dockerfile .\n\nFROM x\n", "worker.Dockerfile", ".", "worker.Dockerfile")]
    [TestCase("# App: built on…\n# Build it from this folder:\n#   docker build -t app .\n\nFROM x\n", "src/Api/Dockerfile", "src/Api", "src/Api/Dockerfile")]
    public void HeaderCommandReadsBack(string text, string dockerfile, string context, string file)
        => Assert.That(RealRepositoryContainerTests.HeaderCommand(text, dockerfile), Is.EqualTo((context, file)));
}
