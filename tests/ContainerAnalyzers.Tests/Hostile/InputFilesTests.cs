using System.Diagnostics;
using ContainerAnalyzers.Tasks;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Hostile;

/// <summary>
/// The check the targets run before the compiler (issue 29): only regular text files of bounded size pass, and
/// nothing that is not a regular file is ever opened (a FIFO would block the build forever).
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class InputFilesTests
{
    // Every file the targets hand to the compiler goes through the inspection first (a new input kind that skipped it
    // would bring back the FIFO hang and the CS2015 of issue 29).
    [Test]
    public void EveryKindTheTargetsHandOverIsInspected()
    {
        var targets = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "build", "ContainerAnalyzers.targets"));
        var kinds = System.Text.RegularExpressions.Regex.Matches(targets, "ContainerAnalyzersKind=\"(\\w+)\"").Select(m => m.Groups[1].Value).Distinct().Where(k => k != "ProjectFile").ToArray();
        Assert.That(kinds, Is.Not.Empty);
        Assert.That(InputFiles.InspectedKinds, Is.SupersetOf(kinds));
    }

    private const long Cap = 1024;
    private string _folder = string.Empty;

    [SetUp]
    public void CreateFolder() => Directory.CreateDirectory(_folder = Path.Combine(Path.GetTempPath(), "ContainerAnalyzers.InputFiles", Guid.NewGuid().ToString("N")));

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name) => Path.Combine(_folder, name);

    [Test]
    public void ARegularTextFileIsReadable()
    {
        File.WriteAllText(PathOf("Dockerfile"), "FROM alpine\n");
        Assert.That(InputFiles.Inspect(PathOf("Dockerfile"), Cap), Is.EqualTo(InputFileState.Readable));
    }

    [Test]
    public void ALinkToARegularFileIsReadable()
    {
        File.WriteAllText(PathOf("shared"), "FROM alpine\n");
        File.CreateSymbolicLink(PathOf("Dockerfile"), PathOf("shared"));
        Assert.That(InputFiles.Inspect(PathOf("Dockerfile"), Cap), Is.EqualTo(InputFileState.Readable));
    }

    [Test]
    public void NothingThereIsMissing() => Assert.That(InputFiles.Inspect(PathOf("Dockerfile"), Cap), Is.EqualTo(InputFileState.Missing));

    [Test]
    public void ADanglingLinkIsMissing()
    {
        File.CreateSymbolicLink(PathOf("Dockerfile"), PathOf("nowhere"));
        Assert.That(InputFiles.Inspect(PathOf("Dockerfile"), Cap), Is.EqualTo(InputFileState.Missing));
    }

    [Test]
    public void ALinkLoopIsMissing()
    {
        File.CreateSymbolicLink(PathOf("Dockerfile"), PathOf("Dockerfile"));
        Assert.That(InputFiles.Inspect(PathOf("Dockerfile"), Cap), Is.EqualTo(InputFileState.Missing));
    }

    [Test]
    public void AFolderIsAFolder()
    {
        Directory.CreateDirectory(PathOf("Dockerfile"));
        Assert.That(InputFiles.Inspect(PathOf("Dockerfile"), Cap), Is.EqualTo(InputFileState.Directory));
    }

    [Test]
    [Platform(Exclude = "Win")]
    public void AFifoIsNotRegular_AndIsNeverOpened()
    {
        using (var mkfifo = Process.Start("mkfifo", PathOf("Dockerfile")))
        {
            mkfifo.WaitForExit();
            Assert.That(mkfifo.ExitCode, Is.Zero, "mkfifo");
        }

        // Opening a FIFO for reading blocks until a writer comes: a result at all means it was not opened.
        Assert.That(InputFiles.Inspect(PathOf("Dockerfile"), Cap), Is.EqualTo(InputFileState.NotRegular));
    }

    [Test]
    [Platform(Exclude = "Win")]
    public void ALinkToADeviceIsNotRegular()
    {
        File.CreateSymbolicLink(PathOf("Dockerfile"), "/dev/zero");
        Assert.That(InputFiles.Inspect(PathOf("Dockerfile"), Cap), Is.EqualTo(InputFileState.NotRegular));
    }

    [Test]
    [Platform(Exclude = "Win")]
    public void AFileItsReaderMayNotOpenIsUnreadable()
    {
        if (OperatingSystem.IsWindows() || Environment.UserName == "root")
        {
            Assert.Ignore("root reads every file whatever its mode; run as another user to check a chmod 000 file");
            return;
        }

        File.WriteAllText(PathOf("Dockerfile"), "FROM alpine\n");
        File.SetUnixFileMode(PathOf("Dockerfile"), UnixFileMode.None);
        Assert.That(InputFiles.Inspect(PathOf("Dockerfile"), Cap), Is.EqualTo(InputFileState.Unreadable));
    }

    [Test]
    public void NulBytesAreBinary()
    {
        File.WriteAllBytes(PathOf("Dockerfile"), new byte[] { (byte)'F', 0, (byte)'M' });
        Assert.That(InputFiles.Inspect(PathOf("Dockerfile"), Cap), Is.EqualTo(InputFileState.Binary));
    }

    // Text is judged as the compiler decodes it: a UTF-16 appsettings.json (Notepad's "Unicode") is text, its bytes are kept.
    [Test]
    public void Utf16WithAByteOrderMarkIsText()
    {
        File.WriteAllText(PathOf("appsettings.json"), "{ \"urls\": \"http://+:5000\" }", System.Text.Encoding.Unicode);
        Assert.That(InputFiles.Read(PathOf("appsettings.json"), Cap, out var bytes), Is.EqualTo(InputFileState.Readable));
        Assert.That(InputFiles.Decode(bytes!), Is.EqualTo("{ \"urls\": \"http://+:5000\" }"));
    }

    [Test]
    public void PastTheCapIsTooLarge_AtItIsReadable()
    {
        File.WriteAllText(PathOf("at"), new string('#', (int)Cap));
        File.WriteAllText(PathOf("past"), new string('#', (int)Cap + 1));
        Assert.That(InputFiles.Inspect(PathOf("at"), Cap), Is.EqualTo(InputFileState.Readable));
        Assert.That(InputFiles.Inspect(PathOf("past"), Cap), Is.EqualTo(InputFileState.TooLarge));
    }
}
