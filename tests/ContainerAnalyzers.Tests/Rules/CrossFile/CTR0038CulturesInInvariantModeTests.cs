using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules.CrossFile;

/// <summary>
/// CTR0038 (issue 28): the project declares InvariantGlobalization and the code creates a named culture, which .NET 8+
/// refuses in invariant mode (CultureNotFoundException).
/// </summary>
[TestFixture]
public sealed class CTR0038CulturesInInvariantModeTests
{
    private const string Dockerfile = "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nRUN dotnet publish -c Release -o /app\n\nFROM {|CTR0038:mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled|}\nCOPY --from=build /app .\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n";
    private const string Prices = "public static class Prices { public static string Format(decimal d) => d.ToString(\"C\", new System.Globalization.CultureInfo(\"de-DE\")); }";

    private static DockerfileAnalyzerTest<CTR0038CulturesInInvariantModeRule> Test(string framework = "net8.0")
        => DockerfileAnalyzerTest<CTR0038CulturesInInvariantModeRule>.ForApp(framework).WithProperty("InvariantGlobalization", "true");

    [TestCase("public static class P { public static string F(decimal d) => d.ToString(\"C\", new System.Globalization.CultureInfo(\"de-DE\")); }")]
    [TestCase("using System.Globalization; public static class P { public static object C = CultureInfo.GetCultureInfo(\"fr-FR\"); }")]
    [TestCase("public static class P { private const string Uk = \"en-GB\"; public static object C = System.Globalization.CultureInfo.CreateSpecificCulture(Uk); }")]
    public Task NamedCultureUnderInvariantGlobalization_Reported(string source) => Test()
        .WithSource(source)
        .WithDockerfile(Dockerfile)
        .RunAsync();

    [Test]
    public void TheMessageNamesTheCultureAndWhere()
    {
        var finding = EngineTest.ForApp().WithProperty("InvariantGlobalization", "true").WithSource(new CodeSource(ContainerAnalyzers.Semantics.CodeEndpoints.None, cultures: new[] { ("de-DE", "Prices.cs:4"), ("fr-FR", "Prices.cs:9") }))
            .Analyze(Dockerfile.Replace("{|CTR0038:", string.Empty, StringComparison.Ordinal).Replace("|}", string.Empty, StringComparison.Ordinal), new CTR0038CulturesInInvariantModeRule()).Single();
        Assert.That(finding.GetMessage(), Is.EqualTo("The app creates the culture 'de-DE' (Prices.cs:4, and 1 more), but the project sets InvariantGlobalization, so from .NET 8 that throws CultureNotFoundException in the container; remove InvariantGlobalization and run on an image with ICU (the chiseled image's -extra variant has it)"));
    }

    // The invariant culture, a computed name, and no culture at all are what invariant mode allows.
    [TestCase("public static class P { public static object C = System.Globalization.CultureInfo.InvariantCulture; }")]
    [TestCase("public static class P { public static object C = new System.Globalization.CultureInfo(\"\"); }")]
    [TestCase("public static class P { public static object C(string name) => new System.Globalization.CultureInfo(name); }")]
    [TestCase("public static class P { public static string F(decimal d) => d.ToString(\"C\", System.Globalization.CultureInfo.CurrentCulture); }")]
    public Task WhatInvariantModeAllows_NoDiagnostic(string source) => Test()
        .WithSource(source)
        .WithDockerfile(Dockerfile.Replace("{|CTR0038:", string.Empty, StringComparison.Ordinal).Replace("|}", string.Empty, StringComparison.Ordinal))
        .RunAsync();

    [Test]
    public Task WithoutInvariantGlobalization_NoDiagnostic() => DockerfileAnalyzerTest<CTR0038CulturesInInvariantModeRule>.ForApp()
        .WithSource(Prices)
        .WithDockerfile(Dockerfile.Replace("{|CTR0038:", string.Empty, StringComparison.Ordinal).Replace("|}", string.Empty, StringComparison.Ordinal))
        .RunAsync();

    [Test]
    public Task BeforeDotnet8_NoDiagnostic() => Test("net7.0")
        .WithSource(Prices)
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:7.0\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n")
        .RunAsync();
}
