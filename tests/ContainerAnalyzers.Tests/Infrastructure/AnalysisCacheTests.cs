using System.Collections.Immutable;
using ContainerAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Infrastructure;

/// <summary>
/// An unchanged Dockerfile is parsed once per text, not once per analyzer or per compilation: when only a C# file
/// changes (every keystroke in the IDE), all the package's analyzers reuse the cached tree.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class AnalysisCacheTests
{
    [Test]
    public async Task DockerfileIsParsedOnceAcrossAnalyzersAndCompilations()
    {
        var dockerfile = new InMemoryText("/src/App/Dockerfile", "FROM mcr.microsoft.com/dotnet/sdk:8.0\nCOPY . .\nRUN dotnet publish -o /app\nENTRYPOINT [\"dotnet\", \"/app/App.dll\"]\n");
        var options = new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(dockerfile), new GlobalOptionsProvider(("build_property.TargetFramework", "net8.0"), ("build_property.OutputType", "Exe")));
        var first = CSharpSyntaxTree.ParseText("public static class Program { public static void Main() { } }", path: "/src/App/Program.cs");
        var compilation = CSharpCompilation.Create("App", new[] { first }, NetReferenceAssemblies.Net80, new CSharpCompilationOptions(OutputKind.ConsoleApplication));
        var analyzers = WorkspaceHarness.AllAnalyzers;
        Assert.That(analyzers.Select(a => a.GetType().Name), Does.Contain(nameof(ContainerAnalyzers.Analyzers.DockerfileAnalyzer)).And.Contain(nameof(ContainerAnalyzers.Analyzers.CTR0009DockerfileFixAvailableAnalyzer)));

        var before = AnalysisCache.ParseCount;
        var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync();
        Assert.That(diagnostics.Select(d => d.Id), Does.Contain("CTR0001").And.Contain("CTR0002"));
        Assert.That(AnalysisCache.ParseCount - before, Is.EqualTo(1), "the host and CTR0009 share one parse");

        // A keystroke in Program.cs: a new compilation, the same Dockerfile text.
        var edited = compilation.ReplaceSyntaxTree(first, CSharpSyntaxTree.ParseText("public static class Program { public static void Main() { _ = 1; } }", path: "/src/App/Program.cs"));
        var again = await edited.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync();
        Assert.That(again.Select(d => d.Id), Does.Contain("CTR0001"));
        Assert.That(AnalysisCache.ParseCount - before, Is.EqualTo(1), "the cached tree is reused when only C# changes");
    }
}
