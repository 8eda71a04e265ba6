using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Tests.Infrastructure;
using ContainerAnalyzers.Tests.Rules.CrossFile;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules.Hygiene;

[TestFixture]
public sealed class CTR0045RestoreLayerMissesBuildFilesTests
{
    // Visual Studio's layout: the Dockerfile at the repository root, the project in src/Api.
    private const string RestoreLayer = "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nWORKDIR /src\nCOPY [\"src/Api/Api.csproj\", \"src/Api/\"]\n{|CTR0045:RUN dotnet restore \"src/Api/Api.csproj\"|}\nCOPY . .\nRUN dotnet publish \"src/Api/Api.csproj\" -c Release -o /app/publish\n";

    private const string NoTargetFramework = "<Project Sdk=\"Microsoft.NET.Sdk.Web\">\n  <ItemGroup>\n    <PackageReference Include=\"Serilog\" Version=\"4.0.0\" />\n  </ItemGroup>\n</Project>\n";

    private const string Unversioned = "<Project Sdk=\"Microsoft.NET.Sdk.Web\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n  </PropertyGroup>\n  <ItemGroup>\n    <PackageReference Include=\"Serilog\" />\n  </ItemGroup>\n</Project>\n";

    private static DockerfileAnalyzerTest<CTR0045RestoreLayerMissesBuildFilesRule> Test(string projectText, params string[] restoreFiles) => new DockerfileAnalyzerTest<CTR0045RestoreLayerMissesBuildFilesRule>()
        .WithProperty("TargetFramework", "net10.0")
        .WithProperty("MSBuildProjectFullPath", "/src/App/src/Api/Api.csproj")
        .WithProperty("OutputType", "Exe")
        .WithProperty("ContainerAnalyzersRestoreFileList", string.Join("|", restoreFiles))
        .WithProjectFile(projectText, "src/Api/Api.csproj");

    // Issue 24, case 2: TargetFramework in Directory.Build.props, and the restore layer copies only the project files.
    [Test]
    public Task TargetFrameworkFromDirectoryBuildProps() => Test(NoTargetFramework, "/src/App/Directory.Build.props")
        .WithDockerfile(RestoreLayer)
        .RunAsync();

    [Test]
    public Task VersionsFromDirectoryPackagesProps() => Test(Unversioned, "/src/App/Directory.Build.props", "/src/App/Directory.Packages.props")
        .WithDockerfile(RestoreLayer)
        .RunAsync();

    [Test]
    public Task BuildFileCopied_NearMiss() => Test(NoTargetFramework, "/src/App/Directory.Build.props")
        .WithDockerfile(RestoreLayer.Replace("COPY [\"src/Api/Api.csproj\"", "COPY [\"Directory.Build.props\", \"./\"]\nCOPY [\"src/Api/Api.csproj\"", StringComparison.Ordinal).Replace("{|CTR0045:", string.Empty, StringComparison.Ordinal).Replace("\"|}", "\"", StringComparison.Ordinal))
        .RunAsync();

    [Test]
    public Task WildcardThatMayCopyIt_NoDiagnostic() => Test(NoTargetFramework, "/src/App/Directory.Build.props")
        .WithDockerfile(RestoreLayer.Replace("COPY [\"src/Api/Api.csproj\"", "COPY *.props ./\nCOPY [\"src/Api/Api.csproj\"", StringComparison.Ordinal).Replace("{|CTR0045:", string.Empty, StringComparison.Ordinal).Replace("\"|}", "\"", StringComparison.Ordinal))
        .RunAsync();

    [Test]
    public Task TheContextCopiedBeforeTheRestore_NoDiagnostic() => Test(NoTargetFramework, "/src/App/Directory.Build.props")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nWORKDIR /src\nCOPY . .\nRUN dotnet restore \"src/Api/Api.csproj\"\n")
        .RunAsync();

    [Test]
    public Task ProjectDeclaresItsOwnTargetFramework_NearMiss() => Test(NoTargetFramework.Replace("<ItemGroup>", "<PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>\n  <ItemGroup>", StringComparison.Ordinal), "/src/App/Directory.Build.props")
        .WithDockerfile(RestoreLayer.Replace("{|CTR0045:", string.Empty, StringComparison.Ordinal).Replace("\"|}", "\"", StringComparison.Ordinal))
        .RunAsync();

    [Test]
    public Task NoBuildFilesOnDisk_NoDiagnostic() => Test(NoTargetFramework)
        .WithDockerfile(RestoreLayer.Replace("{|CTR0045:", string.Empty, StringComparison.Ordinal).Replace("\"|}", "\"", StringComparison.Ordinal))
        .RunAsync();

    [Test]
    public void FixCopiesTheBuildFileWhereTheLayoutPutsIt()
    {
        var properties = RuleFixAssert.Properties("net10.0");
        properties["MSBuildProjectFullPath"] = "/repo/src/Api/Api.csproj";
        properties["MSBuildProjectName"] = "Api";
        properties["ContainerAnalyzersRestoreFileList"] = "/repo/Directory.Build.props";
        var dockerfile = RestoreLayer.Replace("{|CTR0045:", string.Empty, StringComparison.Ordinal).Replace("\"|}", "\"", StringComparison.Ordinal);
        var finding = EngineTest.ForProperties(properties).WithProject("/repo/src/Api/Api.csproj", NoTargetFramework).Analyze(dockerfile, new CTR0045RestoreLayerMissesBuildFilesRule()).Single();
        Assert.That(finding.GetMessage(), Does.Contain("NETSDK1013"));
        var fixedText = finding.Fixes.Single().ApplyTo(dockerfile)!;
        Assert.That(fixedText, Does.Contain("COPY [\"src/Api/Api.csproj\", \"src/Api/\"]\nCOPY [\"Directory.Build.props\", \"/src/\"]\nRUN dotnet restore"));
        Assert.That(EngineTest.ForProperties(properties).WithProject("/repo/src/Api/Api.csproj", NoTargetFramework).Analyze(fixedText, new CTR0045RestoreLayerMissesBuildFilesRule()), Is.Empty);
    }
}
