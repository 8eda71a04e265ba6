using ContainerAnalyzers.Fixes;
using ContainerAnalyzers.Projects;
using ContainerAnalyzers.Rules;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules.RealWorld;

/// <summary>
/// The Dockerfiles .NET developers most often have, because tools wrote them: Visual Studio's container templates.
/// Every rule runs on them with the project they came with; a warning here would be a false positive in thousands of
/// repositories.
/// </summary>
[TestFixture]
public sealed class CommonTemplateTests
{
    private const string VisualStudioNet8 = """
        #See https://aka.ms/customizecontainer to learn how to customize your debug container and how Visual Studio uses this Dockerfile to build your images for faster debugging.

        FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base
        USER app
        WORKDIR /app
        EXPOSE 8080
        EXPOSE 8081

        FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build
        ARG BUILD_CONFIGURATION=Release
        WORKDIR /src
        COPY ["WebApplication1/WebApplication1.csproj", "WebApplication1/"]
        RUN dotnet restore "./WebApplication1/WebApplication1.csproj"
        COPY . .
        WORKDIR "/src/WebApplication1"
        RUN dotnet build "./WebApplication1.csproj" -c $BUILD_CONFIGURATION -o /app/build

        FROM build AS publish
        ARG BUILD_CONFIGURATION=Release
        RUN dotnet publish "./WebApplication1.csproj" -c $BUILD_CONFIGURATION -o /app/publish /p:UseAppHost=false

        FROM base AS final
        WORKDIR /app
        COPY --from=publish /app/publish .
        ENTRYPOINT ["dotnet", "WebApplication1.dll"]
        """;

    private const string VisualStudioNet6 = """
        FROM mcr.microsoft.com/dotnet/aspnet:6.0 AS base
        WORKDIR /app
        EXPOSE 80
        EXPOSE 443

        FROM mcr.microsoft.com/dotnet/sdk:6.0 AS build
        WORKDIR /src
        COPY ["WebApplication1/WebApplication1.csproj", "WebApplication1/"]
        RUN dotnet restore "WebApplication1/WebApplication1.csproj"
        COPY . .
        WORKDIR "/src/WebApplication1"
        RUN dotnet build "WebApplication1.csproj" -c Release -o /app/build

        FROM build AS publish
        RUN dotnet publish "WebApplication1.csproj" -c Release -o /app/publish /p:UseAppHost=false

        FROM base AS final
        WORKDIR /app
        COPY --from=publish /app/publish .
        ENTRYPOINT ["dotnet", "WebApplication1.dll"]
        """;

    private const string VisualStudioWorkerNet8 = """
        FROM mcr.microsoft.com/dotnet/runtime:8.0 AS base
        USER app
        WORKDIR /app

        FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build
        ARG BUILD_CONFIGURATION=Release
        WORKDIR /src
        COPY ["WorkerService1/WorkerService1.csproj", "WorkerService1/"]
        RUN dotnet restore "./WorkerService1/WorkerService1.csproj"
        COPY . .
        WORKDIR "/src/WorkerService1"
        RUN dotnet build "./WorkerService1.csproj" -c $BUILD_CONFIGURATION -o /app/build

        FROM build AS publish
        ARG BUILD_CONFIGURATION=Release
        RUN dotnet publish "./WorkerService1.csproj" -c $BUILD_CONFIGURATION -o /app/publish /p:UseAppHost=false

        FROM base AS final
        WORKDIR /app
        COPY --from=publish /app/publish .
        ENTRYPOINT ["dotnet", "WorkerService1.dll"]
        """;

    [TestCase(VisualStudioNet8, "WebApplication1", "net8.0", true)]
    [TestCase(VisualStudioNet6, "WebApplication1", "net6.0", true)]
    [TestCase(VisualStudioWorkerNet8, "WorkerService1", "net8.0", false)]
    public void VisualStudioTemplatesRaiseNoWarning(string dockerfile, string project, string framework, bool web)
    {
        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["MSBuildProjectFullPath"] = $"/repo/{project}/{project}.csproj",
            ["MSBuildProjectName"] = project,
            ["TargetFramework"] = framework,
            ["OutputType"] = "Exe",
            ["UsingMicrosoftNETSdkWeb"] = web ? "true" : "false",
            ["UsingMicrosoftNETSdkWorker"] = web ? "false" : "true",
            ["DockerfileContext"] = "..",
        };
        var findings = EngineTest.ForProperties(properties).WithDockerIgnore(true).Analyze(dockerfile);

        TestContext.Out.WriteLine(string.Join("\n", findings.Select(f => $"{f.Rule.Id} ({f.Severity}) {f.GetMessage()}")));
        Assert.That(findings.Where(f => f.Severity >= RuleSeverity.Warning).Select(f => f.Rule.Id + ": " + f.GetMessage()), Is.Empty);
    }

    // Issue 27: images whose job is an SDK command, not the app. They need the SDK and the sources by design; the app
    // rules (no builder stage, SDK final image, ICU, the rewrite) would break them.
    [TestCase("ENTRYPOINT [\"dotnet-ef\", \"database\", \"update\"]")]
    [TestCase("ENTRYPOINT [\"/root/.dotnet/tools/dotnet-ef\", \"database\", \"update\"]")]
    [TestCase("ENTRYPOINT [\"dotnet\", \"ef\", \"database\", \"update\"]")]
    [TestCase("ENTRYPOINT dotnet format --verify-no-changes")]
    [TestCase("CMD [\"dotnet\", \"test\", \"--no-build\"]")]
    public void ASdkJobIsNotJudgedAsTheApp(string start)
    {
        var dockerfile = "FROM mcr.microsoft.com/dotnet/sdk:8.0-alpine AS build\nWORKDIR /src\nCOPY . .\nRUN dotnet publish -c Release -o /app\n\n"
            + "FROM build AS migrations\nRUN dotnet tool install --global dotnet-ef\nENV PATH=\"$PATH:/root/.dotnet/tools\"\n" + start + "\n";
        var findings = EngineTest.ForApp("net8.0").WithDockerIgnore(true).Analyze(dockerfile);
        TestContext.Out.WriteLine(string.Join("\n", findings.Select(f => $"{f.Rule.Id} ({f.Severity}) {f.GetMessage()}")));
        Assert.That(findings.Select(f => f.Rule.Id), Has.None.AnyOf("CTR0001", "CTR0002", "CTR0024", "CTR0035", "CTR0023"));
        Assert.That(findings.Where(f => f.Severity >= RuleSeverity.Warning).Select(f => f.Rule.Id + ": " + f.GetMessage()), Is.Empty);
    }

    [Test]
    public void TheAppOnTheSdkImageIsStillReported_NearMiss()
    {
        var dockerfile = "FROM mcr.microsoft.com/dotnet/sdk:8.0-alpine AS build\nWORKDIR /src\nCOPY . .\nRUN dotnet publish -c Release -o /app\nENTRYPOINT [\"dotnet\", \"/app/App.dll\"]\n";
        var findings = EngineTest.ForApp("net8.0").WithDockerIgnore(true).Analyze(dockerfile);
        Assert.That(findings.Select(f => f.Rule.Id), Does.Contain("CTR0001").And.Contain("CTR0002"));
    }

    // Issue 24: the rewrite of Visual Studio's Dockerfile keeps the 'base' stage its fast-mode debugging builds, and the
    // final image EXPOSEs only where the app listens (8081 is VS's HTTPS port, which nothing configures in the image).
    [TestCase(DockerfileFixKind.MinimalEdit)]
    [TestCase(DockerfileFixKind.Regenerate)]
    public void TheVisualStudioFixKeepsItsBaseStageAndExposesWhereTheAppListens(DockerfileFixKind kind)
    {
        var fix = VisualStudioFix(kind, Array.Empty<Semantics.AppSettingsFile>());
        Assert.That(fix.NewText, Does.Contain("FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base\nUSER app\nWORKDIR /app\nEXPOSE 8080\nEXPOSE 8081\n"), "the base stage stays whole");
        var final = fix.NewText.Substring(fix.NewText.IndexOf("AS final", StringComparison.Ordinal));
        Assert.That(final, Does.Contain("EXPOSE 8080").And.Not.Contain("EXPOSE 8081"));
    }

    [Test]
    public void AnExposeOfTheFinalStageItselfIsListedWithWhy()
    {
        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["MSBuildProjectFullPath"] = "/repo/App/App.csproj", ["MSBuildProjectName"] = "App", ["TargetFramework"] = "net8.0", ["OutputType"] = "Exe", ["UsingMicrosoftNETSdkWeb"] = "true",
        };
        var facts = ProjectFacts.Create(p => properties.TryGetValue(p, out var v) ? v : null, "/repo/App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\" />");
        const string dockerfile = "FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /src\nCOPY . .\nRUN dotnet publish -c Release -o out\nEXPOSE 8080\nEXPOSE 8081\nENTRYPOINT [\"dotnet\", \"out/App.dll\"]\n";
        var fix = DockerfileFixes.GetFixes(dockerfile, "/repo/App/Dockerfile", facts, CancellationToken.None, new FixInputs { Code = Semantics.CodeEndpoints.None }).Single(f => f.Kind == DockerfileFixKind.Regenerate);
        Assert.That(fix.NewText, Does.Contain("EXPOSE 8080").And.Not.Contain("EXPOSE 8081"));
        Assert.That(fix.DroppedLines, Has.Some.StartWith("line 6: EXPOSE 8081 (nothing listens on 8081 in the final image: the app listens on 8080"));
    }

    [Test]
    public void AnHttpsEndpointInAppSettingsKeepsItsExpose_NearMiss()
    {
        var settings = Projects.AppSettingsReader.Read("appsettings.json", "{ \"Kestrel\": { \"Endpoints\": { \"Http\": { \"Url\": \"http://+:8080\" }, \"Https\": { \"Url\": \"https://+:8081\" } } } }")!;
        var fix = VisualStudioFix(DockerfileFixKind.Regenerate, new[] { settings });
        var final = fix.NewText.Substring(fix.NewText.IndexOf("AS final", StringComparison.Ordinal));
        Assert.That(final, Does.Contain("EXPOSE 8081"));
    }

    private static DockerfileFix VisualStudioFix(DockerfileFixKind kind, IReadOnlyList<Semantics.AppSettingsFile> appSettings)
    {
        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["MSBuildProjectFullPath"] = "/repo/WebApplication1/WebApplication1.csproj", ["MSBuildProjectName"] = "WebApplication1", ["TargetFramework"] = "net8.0",
            ["OutputType"] = "Exe", ["UsingMicrosoftNETSdkWeb"] = "true", ["DockerfileContext"] = "..",
        };
        var facts = ProjectFacts.Create(p => properties.TryGetValue(p, out var v) ? v : null, "/repo/WebApplication1/WebApplication1.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\" />");
        var inputs = new FixInputs { Code = Semantics.CodeEndpoints.None, AppSettings = appSettings };
        var fix = DockerfileFixes.GetFixes(VisualStudioNet8, "/repo/WebApplication1/Dockerfile", facts, CancellationToken.None, inputs).Single(f => f.Kind == kind);
        TestContext.Out.WriteLine(fix.NewText + "\n" + string.Join("\n", fix.DroppedLines));
        return fix;
    }
}
