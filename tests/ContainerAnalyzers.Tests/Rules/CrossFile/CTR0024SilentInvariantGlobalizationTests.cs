using ContainerAnalyzers.Analyzers;
using ContainerAnalyzers.Rules;
using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules.CrossFile;

[TestFixture]
public sealed class CTR0024SilentInvariantGlobalizationTests
{
    private const string Builder = "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nRUN dotnet publish -o /app\n";
    private const string ProjectText = "<Project Sdk=\"Microsoft.NET.Sdk.Web\">\n  <PropertyGroup>\n    <TargetFramework>net8.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n";

    private static DockerfileAnalyzerTest<CTR0024SilentInvariantGlobalizationRule> Test() => DockerfileAnalyzerTest<CTR0024SilentInvariantGlobalizationRule>.ForApp();

    [Test]
    public Task ChiseledWithoutExtraIsAWarningWhenTheCodeUsesCultures() => Test()
        .WithSource("public static class Prices { public static string Format(decimal d) => d.ToString(\"C\", new System.Globalization.CultureInfo(\"fr-FR\")); }")
        .WithDockerfile(Builder + "FROM {|CTR0024:mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled|}\n")
        .RunAsync();

    [Test]
    public Task WithoutCultureEvidenceItIsInformational() => Test()
        .WithDockerfile(Builder + "FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled\n")
        .WithExpected(new DiagnosticResult("CTR0024", DiagnosticSeverity.Info).WithSpan("/src/App/Dockerfile", 3, 6, 3, 56).WithMessageFormat(CTR0024SilentInvariantGlobalizationRule.Definition.MessageFormat)
            .WithArguments("The final image 'mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled' has no ICU (a chiseled image without -extra)"))
        .RunAsync();

    [Test]
    public Task EnvTurnsInvariantModeOn() => Test()
        .WithSource("public static class C { public static object X = System.Globalization.CultureInfo.CurrentCulture; }")
        .WithDockerfile(Builder + "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nENV {|CTR0024:DOTNET_SYSTEM_GLOBALIZATION_INVARIANT|}=1\n")
        .RunAsync();

    [Test]
    public Task EnvFromAnArgDefault() => Test()
        .WithSource("public static class C { public static object X = System.Globalization.CultureInfo.CurrentCulture; }")
        .WithDockerfile(Builder + "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nARG INVARIANT=true\nENV {|CTR0024:DOTNET_SYSTEM_GLOBALIZATION_INVARIANT|}=${INVARIANT}\n")
        .RunAsync();

    [Test]
    public Task EnvFromAnArgWithoutDefault_NoDiagnostic() => Test()
        .WithSource("public static class C { public static object X = System.Globalization.CultureInfo.CurrentCulture; }")
        .WithDockerfile(Builder + "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nARG INVARIANT\nENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=${INVARIANT}\n")
        .RunAsync();

    [Test]
    public Task ExtraVariant_NearMiss() => Test()
        .WithSource("public static class C { public static object X = System.Globalization.CultureInfo.CurrentCulture; }")
        .WithDockerfile(Builder + "FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled-extra\n")
        .RunAsync();

    [Test]
    public Task DeclaredInvariant_NoDiagnostic() => Test()
        .WithProperty("InvariantGlobalization", "true")
        .WithDockerfile(Builder + "FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled\n")
        .RunAsync();

    [Test]
    public Task AlpineThatInstallsIcu_NoDiagnostic() => Test()
        .WithDockerfile(Builder + "FROM mcr.microsoft.com/dotnet/aspnet:8.0-alpine\nRUN apk add --no-cache icu-libs\nENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false\n")
        .RunAsync();

    [Test]
    public Task UnknownImage_NoDiagnostic() => Test()
        .WithDockerfile("ARG BASE\n" + Builder + "FROM ${BASE}\n")
        .RunAsync();

    [Test]
    public void FixesSwitchToExtraOrDeclareInvariant()
    {
        var rule = new CTR0024SilentInvariantGlobalizationRule();
        var dockerfile = Builder + "FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled-amd64\n";
        var extra = RuleFixAssert.ApplyFix(rule, dockerfile, RuleFixAssert.Properties(), "Use the -extra image, which has ICU", ProjectText);
        Assert.That(extra, Does.EndWith("FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled-extra-amd64\n"));

        // Declaring invariant mode is offered only when the code is known to need no culture data (issue 28).
        var finding = EngineTest.ForProperties(RuleFixAssert.Properties()).WithProject("/src/App/App.csproj", ProjectText).WithSource(CodeSource.None).Analyze(dockerfile, rule).Single();
        var declare = finding.Fixes.Single(f => f.Title == "Declare InvariantGlobalization in the project");
        Assert.That(declare.ApplyTo(ProjectText), Is.EqualTo("<Project Sdk=\"Microsoft.NET.Sdk.Web\">\n  <PropertyGroup>\n    <TargetFramework>net8.0</TargetFramework>\n    <InvariantGlobalization>true</InvariantGlobalization>\n  </PropertyGroup>\n</Project>\n"));
    }

    [TestCase(true)]
    [TestCase(null)]
    public void InvariantModeIsNotOfferedToCodeThatNeedsCultures(bool? mentionsCultures)
    {
        // new CultureInfo("de-DE") throws CultureNotFoundException in invariant mode; unknown code may do it too.
        var dockerfile = Builder + "FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled-amd64\n";
        var test = EngineTest.ForProperties(RuleFixAssert.Properties()).WithProject("/src/App/App.csproj", ProjectText);
        var finding = (mentionsCultures is true ? test.WithSource(new CultureSource()) : test).Analyze(dockerfile, new CTR0024SilentInvariantGlobalizationRule()).Single();
        Assert.That(finding.Fixes.Select(f => f.Title), Is.EqualTo(new[] { "Use the -extra image, which has ICU" }));
    }

    [Test]
    public void InvariantModeIsNotOfferedToAnAppOnSqlClient()
    {
        // Microsoft.Data.SqlClient refuses to open a connection in invariant mode (CTR0038).
        var dockerfile = Builder + "FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled-amd64\n";
        var finding = EngineTest.ForProperties(RuleFixAssert.Properties()).WithProject("/src/App/App.csproj", ProjectText)
            .WithSource(new CodeSource(ContainerAnalyzers.Semantics.CodeEndpoints.None, sqlClient: "Microsoft.Data.SqlClient 5.1 (UseSqlServer)"))
            .Analyze(dockerfile, new CTR0024SilentInvariantGlobalizationRule()).Single();
        Assert.That(finding.Fixes.Select(f => f.Title), Is.EqualTo(new[] { "Use the -extra image, which has ICU" }));
    }

    // Code that names CultureInfo, as new CultureInfo("de-DE") does.
    private sealed class CultureSource : ContainerAnalyzers.Semantics.SourceEvidence
    {
        public override bool? MentionsAny(IReadOnlyList<string> words) => words.Contains("CultureInfo");
    }
}
