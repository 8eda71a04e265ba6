using ContainerAnalyzers.Rules;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;
using static ContainerAnalyzers.Tests.Rules.Compose.ComposeTexts;

namespace ContainerAnalyzers.Tests.Rules.Compose;

[TestFixture]
public sealed class CTR0062ComposeRunsDotnetRunTests
{
    private const string SdkOnly = "FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /src\nCOPY . .\nRUN dotnet publish -c Release -o /app\nENTRYPOINT [\"dotnet\", \"/app/App.dll\"]\n";

    private static RuleFinding[] Findings(string dockerfile, string compose, string path = "/src/App/docker-compose.yml")
        => EngineTest.ForApp().AnalyzeCompose(dockerfile, compose, path).Where(f => f.Rule.Id == "CTR0062").ToArray();

    [TestCase("command: [\"dotnet\", \"run\"]")]
    [TestCase("command: dotnet watch run --no-launch-profile")]
    [TestCase("entrypoint: [\"sh\", \"-c\", \"dotnet restore && dotnet watch run\"]")]
    public void RuntimeImage_Warning(string lines)
        => Assert.That(Findings(Aspnet8, Service(lines)).Single().Severity, Is.EqualTo(RuleSeverity.Warning));

    [Test]
    public void SdkImage_Info() => Assert.That(Findings(SdkOnly, Service("command: [\"dotnet\", \"watch\", \"run\"]")).Single().Severity, Is.EqualTo(RuleSeverity.Info));

    [TestCase("/src/App/docker-compose.override.yml")]
    [TestCase("/src/App/compose.dev.yaml")]
    public void SdkImage_InADevelopmentFile_NotReported(string path)
        => Assert.That(Findings(SdkOnly, Service("command: [\"dotnet\", \"watch\", \"run\"]"), path), Is.Empty);

    [TestCase("command: [\"dotnet\", \"App.dll\"]")]
    [TestCase("command: [\"echo\", \"dotnet run\"]")]
    [TestCase("command: [\"dotnet\", \"test\"]")]
    public void NotRunOrWatch_NotReported(string lines) => Assert.That(Findings(Aspnet8, Service(lines)), Is.Empty);

    [Test]
    public void ImageUnknown_NotReported()
        => Assert.That(Findings(Builder + "FROM ubuntu:24.04\nCOPY --from=build /app/publish /app\n", Service("command: [\"dotnet\", \"run\"]")), Is.Empty);
}
