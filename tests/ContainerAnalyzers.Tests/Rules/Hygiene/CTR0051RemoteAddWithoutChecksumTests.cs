using ContainerAnalyzers.Analyzers;
using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules.Hygiene;

[TestFixture]
public sealed class CTR0051RemoteAddWithoutChecksumTests
{
    private static DockerfileAnalyzerTest<CTR0051RemoteAddWithoutChecksumRule> Test(string framework) => DockerfileAnalyzerTest<CTR0051RemoteAddWithoutChecksumRule>.ForApp(framework);

    [Test]
    public Task RemoteAdd() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0\nADD {|CTR0051:https://example.com/tool.tar.gz|} /tmp/\n")
        .RunAsync();

    [Test]
    public Task WithChecksum_NearMiss() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tar.gz /tmp/\n")
        .RunAsync();

    [Test]
    public Task LocalAddAndGit_NoDiagnostic() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0\nADD app.tar.gz /app/\nADD https://github.com/org/repo.git#v1.0 /src\n")
        .RunAsync();
}
