using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules.Hygiene;

/// <summary>
/// CTR0046, found by the real-repository suite (issue 24's silent failures): a console app whose project adds
/// ..\stylecop.json as an AdditionalFiles item, built by a Dockerfile that copies only the project's folder.
/// </summary>
[TestFixture]
public sealed class CTR0046BuildNeedsFileNotCopiedTests
{
    private const string ProjectPath = "/repo/Converter/Converter.csproj";

    private const string ProjectText = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
          </PropertyGroup>
          <ItemGroup>
            <AdditionalFiles Include="..\stylecop.json" />
          </ItemGroup>
        </Project>
        """;

    private const string Dockerfile = """
        FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
        WORKDIR /src
        COPY Converter/Converter.csproj Converter/
        RUN dotnet restore Converter/Converter.csproj
        COPY Converter/ Converter/
        WORKDIR /src/Converter
        RUN dotnet build -c Release -o /app/build

        FROM build AS publish
        RUN dotnet publish -c Release -o /app/publish /p:UseAppHost=false

        FROM mcr.microsoft.com/dotnet/runtime:10.0-noble-chiseled AS final
        WORKDIR /app
        COPY --from=publish /app/publish .
        ENTRYPOINT ["dotnet", "Converter.dll"]

        """;

    private static EngineTest Test(string projectText = ProjectText)
        => EngineTest.ForApp("net10.0", web: false).WithProperty("MSBuildProjectFullPath", ProjectPath).WithProperty("MSBuildProjectName", "Converter").WithProject(ProjectPath, projectText);

    [Test]
    public void AFileFromOutsideTheCopiedFolder()
    {
        var finding = Test().Analyze(Dockerfile, new CTR0046BuildNeedsFileNotCopiedRule()).Single();
        Assert.That(finding.GetMessage(), Is.EqualTo("'dotnet build' needs ../stylecop.json (AdditionalFiles of Converter.csproj), but no COPY before it brings that file into the image, so the build fails (CS2001: the file could not be found)"));
        var fixedText = finding.Fixes.Single().ApplyTo(Dockerfile)!;
        Assert.That(fixedText, Does.Contain("WORKDIR /src/Converter\nCOPY [\"stylecop.json\", \"/src/\"]\nRUN dotnet build"), "the file lands where the context's layout puts it, whatever the WORKDIR");
        Assert.That(Test().Analyze(fixedText, new CTR0046BuildNeedsFileNotCopiedRule()), Is.Empty);
    }

    [TestCase("COPY . .\n")]
    [TestCase("COPY stylecop.json ./\n")]
    [TestCase("COPY *.json ./\n")]
    public void TheFileIsCopied_NearMiss(string copy)
        => Assert.That(Test().Analyze(Dockerfile.Replace("COPY Converter/ Converter/\n", "COPY Converter/ Converter/\n" + copy, StringComparison.Ordinal), new CTR0046BuildNeedsFileNotCopiedRule()), Is.Empty);

    [Test]
    public void AConditionalItem_NoDiagnostic()
        => Assert.That(Test(ProjectText.Replace("<ItemGroup>", "<ItemGroup Condition=\"'$(Configuration)' == 'Debug'\">", StringComparison.Ordinal)).Analyze(Dockerfile, new CTR0046BuildNeedsFileNotCopiedRule()), Is.Empty);

    [Test]
    public void AFileInsideTheProjectFolder_NearMiss()
        => Assert.That(Test(ProjectText.Replace("..\\stylecop.json", "stylecop.json", StringComparison.Ordinal)).Analyze(Dockerfile, new CTR0046BuildNeedsFileNotCopiedRule()), Is.Empty);

    [Test]
    public void AnUnknownContext_NoDiagnostic()
        => Assert.That(Test().Analyze(Dockerfile.Replace("COPY Converter/Converter.csproj Converter/\n", string.Empty, StringComparison.Ordinal).Replace("COPY Converter/ Converter/", "COPY $SRC Converter/", StringComparison.Ordinal), new CTR0046BuildNeedsFileNotCopiedRule()), Is.Empty);
}
