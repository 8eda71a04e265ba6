using System.Text;
using ContainerAnalyzers.Tests.Hostile;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.EndToEnd;

/// <summary>
/// Issue 29 through the packed package and a real `dotnet build`: what the file system holds never fails, hangs or
/// exhausts a build (it exits 0, with a warning naming the file), and FixDockerfile changes no byte it does not mean
/// to change, writes nothing outside the repository and nothing through a link, and gives the same file twice.
/// </summary>
[TestFixture]
[Category("EndToEnd")]
[NonParallelizable]
[Platform(Exclude = "Win", Reason = "FIFOs, links to /dev/zero and symbolic links without privileges are Unix's")]
public sealed class HostileInputEndToEndTests
{
    private const string SingleStage = "FROM mcr.microsoft.com/dotnet/sdk:10.0\nWORKDIR /app\nCOPY . .\nRUN dotnet publish -c Release -o out\nENTRYPOINT [\"dotnet\", \"out/Consumer.dll\"]\n";

    private string _workRoot = null!;

    [OneTimeSetUp]
    public void PackTheAnalyzerPackage() => _workRoot = ConsumerProject.PrepareWorkRoot("hostile");

    public static IEnumerable<HostileInputs.Case> FileSystemCases() => HostileInputs.BuildOnlyCases();

    [TestCaseSource(nameof(FileSystemCases))]
    public void TheBuildGoesOnAsWithoutThePackage_AndNamesTheFile(HostileInputs.Case input)
    {
        var consumer = ConsumerProject.Create(_workRoot, "Microsoft.NET.Sdk.Web", "net10.0", dockerfile: null, dockerIgnore: !input.Specials.ContainsKey(".dockerignore"), projectItems: input.ProjectItems);
        var folder = Path.GetDirectoryName(consumer)!;
        HostileInputs.Materialize(input, folder);

        var result = ConsumerProject.Build(consumer);

        Assert.That(result.ExitCode, Is.Zero, result.Output);
        foreach (var code in new[] { "MSB4184", "CS2001", "CS2015", "AD0001", "OutOfMemory" })
        {
            Assert.That(result.Output, Does.Not.Contain(code), result.Output);
        }

        var named = input.Specials.Keys.Concat(input.Files.Keys).First();
        Assert.That(result.Output, Does.Contain($"'{named}' ").Or.Contain($"{named}' is larger than"), "the file left out is named:\n" + result.Output);
    }

    [Test]
    public void ALatin1DockerfileIsLeftByteForByte()
    {
        var (consumer, dockerfile) = Consumer(Encoding.Latin1.GetBytes("# Ren\u00e9 wrote this\n" + SingleStage + "LABEL author=\"Ren\u00e9\"\n"));
        var before = File.ReadAllBytes(dockerfile);

        var result = ConsumerProject.Build(consumer, "-t:FixDockerfile");

        Assert.That(File.ReadAllBytes(dockerfile), Is.EqualTo(before), "no U+FFFD written over the user's bytes");
        Assert.That(result.Output, Does.Contain("is not valid UTF-8 (the byte at offset 5); left as it is"), result.Output);
    }

    [Test]
    public void AForcedRewriteOfAFileWithoutFromListsEveryLineItDrops()
    {
        var (consumer, _) = Consumer(Encoding.UTF8.GetBytes("RUN echo hi\n# a note\nCMD [\"x\"]\n"));

        var result = ConsumerProject.Build(consumer, "-t:FixDockerfile", "-p:DockerfileFixForce=true");

        Assert.That(result.Output, Does.Contain("not kept: line 1: RUN echo hi").And.Contain("not kept: line 2: # a note").And.Contain("not kept: line 3: CMD [\"x\"]"), result.Output);
    }

    [Test]
    public void ASymlinkedDockerfileIsNotWrittenThroughUnlessAsked()
    {
        var (consumer, dockerfile) = Consumer(null);
        var shared = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(dockerfile))!, "shared.Dockerfile");
        File.WriteAllText(shared, SingleStage);
        File.CreateSymbolicLink(dockerfile, shared);

        var refused = ConsumerProject.Build(consumer, "-t:FixDockerfile");
        Assert.That(File.ReadAllText(shared), Is.EqualTo(SingleStage), refused.Output);
        Assert.That(refused.Output, Does.Contain("is a symbolic link to " + shared + "; left as it is"), refused.Output);

        var asked = ConsumerProject.Build(consumer, "-t:FixDockerfile", "-p:DockerfileFixWriteThroughLinks=true");
        Assert.That(File.ReadAllText(shared), Does.Contain("AS build"), asked.Output);
        Assert.That(asked.Output, Does.Contain("(through the link, to " + shared + ")"), asked.Output);
    }

    [Test]
    public void NoFileIsWrittenOutsideTheRepository()
    {
        var (consumer, dockerfile) = Consumer(Encoding.UTF8.GetBytes(SingleStage), dockerIgnore: false);
        var folder = Path.GetDirectoryName(dockerfile)!;
        Directory.CreateDirectory(Path.Combine(folder, ".git"));

        var result = ConsumerProject.Build(consumer, "-t:FixDockerfile", "-p:DockerfileContext=..");

        var above = Path.Combine(Path.GetDirectoryName(folder)!, ".dockerignore");
        Assert.That(File.Exists(above), Is.False, result.Output);
        Assert.That(result.Output, Does.Contain(above + ": not written, it is outside the repository " + folder), result.Output);
    }

    [TestCase("regenerate")]
    [TestCase("minimal")]
    public void EveryModeIsIdempotent(string mode)
    {
        var (consumer, dockerfile) = Consumer(Encoding.UTF8.GetBytes("# My app\n" + SingleStage));
        ConsumerProject.Build(consumer, "-t:FixDockerfile", "-p:DockerfileFixMode=" + mode, "-p:DockerfileFixForce=true");
        var once = File.ReadAllText(dockerfile);

        var again = ConsumerProject.Build(consumer, "-t:FixDockerfile", "-p:DockerfileFixMode=" + mode, "-p:DockerfileFixForce=true");

        Assert.That(File.ReadAllText(dockerfile), Is.EqualTo(once), again.Output);
        Assert.That(once, Does.Contain("# My app"));
    }

    [Test]
    public void AnUnclosedHeredocStopsTheRewrite()
    {
        var text = SingleStage.Replace("ENTRYPOINT", "RUN <<EOF\necho hi\nENTRYPOINT", StringComparison.Ordinal);
        var (consumer, dockerfile) = Consumer(Encoding.UTF8.GetBytes(text));

        var result = ConsumerProject.Build(consumer, "-t:FixDockerfile", "-p:DockerfileFixMode=regenerate");

        Assert.That(File.ReadAllText(dockerfile), Is.EqualTo(text), result.Output);
        Assert.That(result.Output, Does.Contain("the heredoc on line 5 is never closed"), result.Output);
        Assert.That(result.Output, Does.Not.Contain("nothing to fix"), result.Output);
    }

    private (string Consumer, string Dockerfile) Consumer(byte[]? dockerfile, bool dockerIgnore = true)
    {
        var consumer = ConsumerProject.Create(_workRoot, "Microsoft.NET.Sdk", "net10.0", dockerfile: null, dockerIgnore: dockerIgnore);
        var path = Path.Combine(Path.GetDirectoryName(consumer)!, "Dockerfile");
        if (dockerfile is not null)
        {
            File.WriteAllBytes(path, dockerfile);
        }

        return (consumer, path);
    }
}
