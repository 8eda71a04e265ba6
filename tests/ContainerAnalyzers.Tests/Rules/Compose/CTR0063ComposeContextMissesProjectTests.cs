using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules.Compose;

[TestFixture]
public sealed class CTR0063ComposeContextMissesProjectTests
{
    // Written for a context at /src (the repository root): COPY App/App.csproj names the project from there.
    private const string RootContextDockerfile = "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nCOPY App/App.csproj App/\nRUN dotnet restore App/App.csproj\nCOPY . .\nRUN dotnet publish App/App.csproj -c Release -o /app/publish\n\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nWORKDIR /app\nCOPY --from=build /app/publish .\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n";

    private static string[] Spans(string compose, string path = "/src/docker-compose.yml")
        => EngineTest.ForApp().AnalyzeCompose(RootContextDockerfile, compose, path).Where(f => f.Rule.Id == "CTR0063").Select(f => compose.Substring(f.Span.Start, f.Span.Length) + " | " + f.GetMessage()).ToArray();

    [Test]
    public void ContextIsTheProjectFolder_Reported()
        => Assert.That(Spans("services:\n  app:\n    build:\n      context: ./App\n"), Is.EqualTo(new[] { "./App | Service 'app' builds with context 'App', but the Dockerfile's COPY paths are relative to '.': the build cannot find the project" }));

    [Test]
    public void ShortFormFromTheProjectFolder_Reported()
        => Assert.That(Spans("services:\n  app:\n    build: .\n", "/src/App/compose.yaml"), Has.Length.EqualTo(1));

    [Test]
    public void ContextTheCopyPathsWereWrittenFor_NotReported()
        => Assert.That(Spans("services:\n  app:\n    build:\n      context: .\n      dockerfile: App/Dockerfile\n"), Is.Empty);

    private const string CopiesEverything = "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nCOPY . .\nRUN dotnet publish -c Release -o /app/publish\n\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nWORKDIR /app\nCOPY --from=build /app/publish .\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n";

    [Test]
    public void BuildsFromSources_ContextWithoutTheProject_Reported()
    {
        var compose = "services:\n  app:\n    build:\n      context: ./Other\n      dockerfile: ../App/Dockerfile\n";
        var messages = EngineTest.ForApp().AnalyzeCompose(CopiesEverything, compose, "/src/docker-compose.yml").Where(f => f.Rule.Id == "CTR0063").Select(f => f.GetMessage());
        Assert.That(messages, Is.EqualTo(new[] { "Service 'app' builds with context 'Other', but the project 'App/App.csproj' that the Dockerfile builds is outside it" }));
    }

    [Test]
    public void BuildsFromSources_ContextWithoutAReferencedProject_Reported()
    {
        var test = EngineTest.ForApp().WithProject("/src/App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><ItemGroup><ProjectReference Include=\"../Lib/Lib.csproj\" /></ItemGroup></Project>");
        var messages = test.AnalyzeCompose(CopiesEverything, "services:\n  app:\n    build: .\n").Where(f => f.Rule.Id == "CTR0063").Select(f => f.GetMessage());
        Assert.That(messages, Is.EqualTo(new[] { "Service 'app' builds with context '.', but the referenced project '../Lib/Lib.csproj' is outside it, and the build needs it" }));
    }

    [Test]
    public void BuildsFromSources_ContextHoldsEverything_NotReported()
    {
        var test = EngineTest.ForApp().WithProject("/src/App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><ItemGroup><ProjectReference Include=\"../Lib/Lib.csproj\" /></ItemGroup></Project>");
        Assert.That(test.AnalyzeCompose(CopiesEverything, "services:\n  app:\n    build:\n      context: ..\n      dockerfile: App/Dockerfile\n").Where(f => f.Rule.Id == "CTR0063"), Is.Empty);
    }

    [Test]
    public void ClonesItsSources_NotReported()
        => Assert.That(EngineTest.ForApp().AnalyzeCompose("FROM mcr.microsoft.com/dotnet/sdk:8.0\nRUN git clone https://example.com/app.git /src\nRUN dotnet publish /src/App.csproj -o /app\n", "services:\n  app:\n    build:\n      context: ./Other\n      dockerfile: ../App/Dockerfile\n", "/src/docker-compose.yml").Where(f => f.Rule.Id == "CTR0063"), Is.Empty);

    [Test]
    public void CopyPathsSayNothing_NotReported()
        => Assert.That(EngineTest.ForApp().AnalyzeCompose("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY out/ /app/\n", "services:\n  app:\n    build: ./App\n", "/src/docker-compose.yml").Where(f => f.Rule.Id == "CTR0063"), Is.Empty);
}
