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

    // Microsoft.Data.SqlClient 2.0 and later refuse to open a connection in invariant mode (dotnet/SqlClient#220, #2206),
    // whichever .NET runs it: the reference, and a call through it, are the evidence.
    [TestCase("5.0.0.0", "public static class Db { public static object Open() => new Microsoft.Data.SqlClient.SqlConnection(); }")]
    [TestCase("2.0.0.0", "public static class Db { public static object Open() => new Microsoft.Data.SqlClient.SqlConnection(); }")]
    public Task SqlClientUnderInvariantGlobalization_Reported(string version, string source) => Test()
        .WithReference(SqlClient(version))
        .WithSource(source)
        .WithDockerfile(Dockerfile)
        .RunAsync();

    // SqlClient 1.x failed only with some data (not sure), a reference the code never uses, and no invariant mode.
    [TestCase("1.1.0.0", "public static class Db { public static object Open() => new Microsoft.Data.SqlClient.SqlConnection(); }", "true")]
    [TestCase("5.0.0.0", "public static class Db { }", "true")]
    [TestCase("5.0.0.0", "public static class Db { public static object Open() => new Microsoft.Data.SqlClient.SqlConnection(); }", "false")]
    public Task SqlClientThatCannotFail_NoDiagnostic(string version, string source, string invariant) => DockerfileAnalyzerTest<CTR0038CulturesInInvariantModeRule>.ForApp()
        .WithProperty("InvariantGlobalization", invariant)
        .WithReference(SqlClient(version))
        .WithSource(source)
        .WithDockerfile(Dockerfile.Replace("{|CTR0038:", string.Empty, StringComparison.Ordinal).Replace("|}", string.Empty, StringComparison.Ordinal))
        .RunAsync();

    [Test]
    public void TheMessageNamesSqlClient()
    {
        var finding = EngineTest.ForApp().WithProperty("InvariantGlobalization", "true").WithSource(new CodeSource(ContainerAnalyzers.Semantics.CodeEndpoints.None, sqlClient: "Microsoft.Data.SqlClient 5.1 (UseSqlServer)"))
            .Analyze(Dockerfile.Replace("{|CTR0038:", string.Empty, StringComparison.Ordinal).Replace("|}", string.Empty, StringComparison.Ordinal), new CTR0038CulturesInInvariantModeRule()).Single();
        Assert.That(finding.GetMessage(), Does.StartWith("The app opens SQL Server connections with Microsoft.Data.SqlClient 5.1 (UseSqlServer), but the project sets InvariantGlobalization, so opening one throws"));
    }

    // A Microsoft.Data.SqlClient assembly of the given version, with the SqlConnection type the code uses.
    private static Microsoft.CodeAnalysis.MetadataReference SqlClient(string version)
    {
        var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText($"[assembly: System.Reflection.AssemblyVersion(\"{version}\")]\nnamespace Microsoft.Data.SqlClient {{ public sealed class SqlConnection {{ }} }}");
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Microsoft.Data.SqlClient", new[] { tree }, NetReferenceAssemblies.Net80, new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        Assert.That(compilation.Emit(image).Success, Is.True);
        return Microsoft.CodeAnalysis.MetadataReference.CreateFromImage(image.ToArray());
    }
}
