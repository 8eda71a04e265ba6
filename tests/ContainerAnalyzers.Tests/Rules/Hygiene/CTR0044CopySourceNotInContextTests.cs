using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules.Hygiene;

[TestFixture]
public sealed class CTR0044CopySourceNotInContextTests
{
    private const string HostPublished = "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\n{|CTR0044:COPY bin/Release/net10.0/publish/ .|}\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n";

    private static DockerfileAnalyzerTest<CTR0044CopySourceNotInContextRule> Test() => DockerfileAnalyzerTest<CTR0044CopySourceNotInContextRule>.ForApp("net10.0");

    private static string Mark(string dockerfile, string source)
        => dockerfile.Replace("{|CTR0044:COPY " + source, "COPY {|CTR0044:" + source + "|}", StringComparison.Ordinal).Replace(" .|}\n", " .\n", StringComparison.Ordinal);

    // Issue 24, case 1: the fix's own .dockerignore excluded the host-published output the Dockerfile copies.
    [TestCase("**/bin/\n**/obj/\n")]
    [TestCase("bin\n")]
    [TestCase("**/publish\n")]
    [TestCase("# comment\n  bin/Release  \n")]
    [TestCase("*/Release\nbin/*/net10.0\n")]
    public Task HostPublishedOutputExcluded(string ignore) => Test()
        .WithDockerIgnore(ignore)
        .WithDockerfile(Mark(HostPublished, "bin/Release/net10.0/publish/"))
        .RunAsync();

    [Test]
    public Task ThePerDockerfileIgnoreFileWins() => Test()
        .WithDockerIgnore("*\n", "Dockerfile.dockerignore")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nWORKDIR /src\nCOPY . .\nCOPY {|CTR0044:src/App.csproj|} .\n")
        .RunAsync();

    [Test]
    public Task DeclaredContext() => Test()
        .WithProperty("DockerfileContext", "..")
        .WithDockerIgnore("**/obj\n", "../.dockerignore")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nWORKDIR /src\nCOPY [\"App/App.csproj\", \"App/\"]\nCOPY {|CTR0044:App/obj/project.assets.json|} App/obj/\n")
        .RunAsync();

    [Test]
    public Task SourceAboveTheContext() => Test()
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nWORKDIR /src\nCOPY {|CTR0044:../Shared/Shared.csproj|} Shared/\n")
        .RunAsync();

    [Test]
    public Task ExceptionBringsItBack_NearMiss() => Test()
        .WithDockerIgnore("**/bin/\n!bin/Release/net10.0/publish/\n")
        .WithDockerfile(HostPublished.Replace("{|CTR0044:", string.Empty, StringComparison.Ordinal).Replace(" .|}", " .", StringComparison.Ordinal))
        .RunAsync();

    [Test]
    public Task ExceptionThatMayMatchIsUnknown_NoDiagnostic() => Test()
        .WithDockerIgnore("**/bin/\n!**/publish\n")
        .WithDockerfile(HostPublished.Replace("{|CTR0044:", string.Empty, StringComparison.Ordinal).Replace(" .|}", " .", StringComparison.Ordinal))
        .RunAsync();

    [Test]
    public Task PatternsThatDoNotMatch_NearMiss() => Test()
        .WithDockerIgnore("**/obj/\nbinaries/\n**/*.user\n")
        .WithDockerfile(HostPublished.Replace("{|CTR0044:", string.Empty, StringComparison.Ordinal).Replace(" .|}", " .", StringComparison.Ordinal))
        .RunAsync();

    [Test]
    public Task ContextOfUnknownFolder_NoDiagnostic() => Test()
        // The sources name the project from a folder above the Dockerfile's: the context is not the Dockerfile's folder,
        // so its .dockerignore may not be the one that applies.
        .WithDockerIgnore("**/bin/\n")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nWORKDIR /src\nCOPY [\"src/App/App.csproj\", \"src/App/\"]\nCOPY bin/tools/ tools/\n")
        .RunAsync();

    [Test]
    public Task VariableSource_NoDiagnostic() => Test()
        .WithDockerIgnore("**/bin/\n")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:10.0\nARG OUT=bin/Release/net10.0/publish\nCOPY $OUT .\nCOPY App.csproj .\n")
        .RunAsync();

    [Test]
    public Task CopyFromAStageIsNotTheContext_NoDiagnostic() => Test()
        .WithDockerIgnore("**/bin/\n")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nWORKDIR /src\nCOPY App.csproj .\nFROM mcr.microsoft.com/dotnet/aspnet:10.0\nCOPY --from=build /src/bin/Release/ .\n")
        .RunAsync();

    [TestCase("**/bin/", "bin/Release", true)]
    [TestCase("**/bin/", "src/App/bin", true)]
    [TestCase("**/bin/", "binaries", false)]
    [TestCase("*.md", "README.md", true)]
    [TestCase("*.md", "docs/README.md", false)]
    [TestCase("docs/*.md", "docs/a.md", true)]
    [TestCase("/secrets", "secrets/key", true)]
    [TestCase("a?c", "abc", true)]
    [TestCase("a?c", "a/c", false)]
    [TestCase("[ab]x", "bx", true)]
    [TestCase("**", "anything/at/all", true)]
    public void PatternsFollowBuildKit(string pattern, string path, bool excluded)
        => Assert.That(DockerIgnore.Parse(pattern + "\n").ExcludedBy(path) is not null, Is.EqualTo(excluded));

    [Test]
    public void LastMatchingPatternWins()
    {
        var ignore = DockerIgnore.Parse("*.txt\n!keep.txt\n");
        Assert.That(ignore.ExcludedBy("drop.txt")?.Line, Is.EqualTo(1));
        Assert.That(ignore.ExcludedBy("keep.txt"), Is.Null);
    }

    [Test]
    public void AnInvalidPatternMakesNothingCertain()
        => Assert.That(DockerIgnore.Parse("[unclosed\nbin\n").ExcludedBy("bin"), Is.Null);
}
