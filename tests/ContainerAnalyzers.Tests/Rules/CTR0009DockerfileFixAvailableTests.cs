using System.Text;
using ContainerAnalyzers.Analyzers;
using ContainerAnalyzers.CodeFixes;
using ContainerAnalyzers.Fixes;
using ContainerAnalyzers.Projects;
using ContainerAnalyzers.Tests.Fixes;
using ContainerAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules;

/// <summary>
/// CTR0009 (hidden, on the entry point) and road 2: the fix reached from C# code, checked with the standard
/// CodeFix verifier; the rewritten Dockerfile is in FixedState.AdditionalFiles.
/// </summary>
[TestFixture]
public sealed class CTR0009DockerfileFixAvailableTests
{
    private const string Main = "public static class Program { public static void {|#0:Main|}() { } }";

    [Test]
    public async Task MirrorsTheDockerfileDiagnosticsOnMain()
    {
        var test = NewTest(Main, GeneratedDockerfileTests.SingleStage("8.0", "App"));
        test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult("CTR0009", DiagnosticSeverity.Hidden).WithLocation(0).WithArguments("App", "CTR0001, CTR0002", "rewrite it as a distroless multi-stage build"));
        await RunAnalyzerOnlyAsync(test);
    }

    // Issue 26: the entry point is found from each tree's declarations (no callback per method), nested ones included;
    // a static Main that is not the entry point (a helper's, with the real one elsewhere) gets nothing.
    [Test]
    public async Task MirrorsOnAMainInsideANamespaceAndANestedType()
    {
        var code = "namespace App.Hosting\n{\n    public static class Outer\n    {\n        public static class Program { public static void {|#0:Main|}(string[] args) { } }\n    }\n}\n"
            + "public static class Helper { public static int Main(int value) => value; }\n";
        var test = NewTest(code, GeneratedDockerfileTests.SingleStage("8.0", "App"));
        test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult("CTR0009", DiagnosticSeverity.Hidden).WithLocation(0).WithArguments("App", "CTR0001, CTR0002", "rewrite it as a distroless multi-stage build"));
        await RunAnalyzerOnlyAsync(test);
    }

    [Test]
    public async Task MirrorsOnTheFirstTopLevelStatement()
    {
        var test = NewTest("{|#0:System.Console.WriteLine(1);|}\nSystem.Console.WriteLine(2);\n", GeneratedDockerfileTests.SingleStage("8.0", "App"));
        test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult("CTR0009", DiagnosticSeverity.Hidden).WithLocation(0).WithArguments("App", "CTR0001, CTR0002", "rewrite it as a distroless multi-stage build"));
        await RunAnalyzerOnlyAsync(test);
    }

    [Test]
    public async Task SilentWhenTheDockerfileIsAlreadyMultiStage()
    {
        var facts = ProjectFacts.Create(p => DockerfileCodeFixTests.Properties().TryGetValue(p, out var v) ? v : null, "/src/App/App.csproj", null);
        var good = DockerfileFixes.CreateDockerfile(facts, "/src/App/Dockerfile")!;
        await RunAnalyzerOnlyAsync(NewTest("public static class Program { public static void Main() { } }", good));
    }

    [Test]
    public async Task SilentInALibrary()
    {
        var test = NewTest("public static class Library { public static void Main() { } }", GeneratedDockerfileTests.SingleStage("8.0", "App"), outputType: "Library");
        await RunAnalyzerOnlyAsync(test);
    }

    [Test]
    public async Task FixFromCodeRewritesTheDockerfile()
    {
        var old = GeneratedDockerfileTests.SingleStage("8.0", "App");
        var test = NewTest(Main, old);
        test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult("CTR0009", DiagnosticSeverity.Hidden).WithLocation(0).WithArguments("App", "CTR0001, CTR0002", "rewrite it as a distroless multi-stage build"));
        var facts = ProjectFacts.Create(p => DockerfileCodeFixTests.Properties().TryGetValue(p, out var v) ? v : null, "/src/App/App.csproj", ProjectText);
        var expected = DockerfileFixes.GetFixes(old, "/src/App/Dockerfile", facts).Single(f => f.Kind == DockerfileFixKind.Regenerate).NewText;
        test.FixedState.Sources.Add("public static class Program { public static void Main() { } }");
        test.FixedState.OutputKind = OutputKind.ConsoleApplication;
        test.FixedState.AdditionalFiles.Add(("/src/App/App.csproj", ProjectText));
        test.FixedState.AdditionalFiles.Add(("/src/App/Dockerfile", expected));
        test.FixedState.AnalyzerConfigFiles.Add(("/.globalconfig", GlobalConfig(DockerfileCodeFixTests.Properties())));
        test.CodeActionEquivalenceKey = "ContainerAnalyzers.Regenerate";
        test.CodeActionIndex = 1;
        await test.RunAsync();
    }

    // Issue 24: Visual Studio and Rider show no light bulb in a Dockerfile, so a rule's own fix (here CTR0020's retag
    // of a net8.0 app's 6.0 runtime) is reached from the entry point when no rewrite is needed.
    [Test]
    public async Task FixFromCodeAppliesTheRulesOwnFixes()
    {
        const string stale = "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nCOPY . .\nRUN dotnet publish -c Release -o /app/publish\nFROM mcr.microsoft.com/dotnet/aspnet:6.0-jammy-chiseled\nWORKDIR /app\nCOPY --from=build /app/publish .\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n";
        var test = NewTest(Main, stale);
        test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult("CTR0009", DiagnosticSeverity.Hidden).WithLocation(0).WithArguments("App", "CTR0020", "apply the rules' own fixes"));
        test.FixedState.Sources.Add("public static class Program { public static void Main() { } }");
        test.FixedState.OutputKind = OutputKind.ConsoleApplication;
        test.FixedState.AdditionalFiles.Add(("/src/App/App.csproj", ProjectText));
        test.FixedState.AdditionalFiles.Add(("/src/App/Dockerfile", stale.Replace("aspnet:6.0-jammy-chiseled", "aspnet:8.0-jammy-chiseled", StringComparison.Ordinal)));
        test.FixedState.AnalyzerConfigFiles.Add(("/.globalconfig", GlobalConfig(DockerfileCodeFixTests.Properties())));
        test.CodeActionEquivalenceKey = "ContainerAnalyzers.ApplyRuleFixes";
        await test.RunAsync();
    }

    private const string ProjectText = "<Project Sdk=\"Microsoft.NET.Sdk.Web\" />";

    private static Test NewTest(string source, string dockerfile, string outputType = "Exe")
    {
        var properties = DockerfileCodeFixTests.Properties();
        properties["OutputType"] = outputType;
        if (outputType == "Library")
        {
            properties.Remove("UsingMicrosoftNETSdkWeb");
        }

        var test = new Test { ReferenceAssemblies = NetReferenceAssemblies.None };
        test.TestState.Sources.Add(source);
        test.TestState.OutputKind = outputType == "Exe" ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
        test.TestState.AdditionalReferences.AddRange(NetReferenceAssemblies.Net80);
        test.TestState.AdditionalFiles.Add(("/src/App/App.csproj", ProjectText));
        test.TestState.AdditionalFiles.Add(("/src/App/Dockerfile", dockerfile));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", GlobalConfig(properties)));
        test.FixedState.AdditionalReferences.AddRange(NetReferenceAssemblies.Net80);
        return test;
    }

    private static Task RunAnalyzerOnlyAsync(Test fixTest)
    {
        // The same state, verified by the analyzer verifier alone.
        var test = new CSharpAnalyzerTest<CTR0009DockerfileFixAvailableAnalyzer, DefaultVerifier> { ReferenceAssemblies = NetReferenceAssemblies.None };
        test.TestState.OutputKind = fixTest.TestState.OutputKind;
        test.TestState.Sources.AddRange(fixTest.TestState.Sources);
        test.TestState.AdditionalReferences.AddRange(fixTest.TestState.AdditionalReferences);
        test.TestState.AdditionalFiles.AddRange(fixTest.TestState.AdditionalFiles);
        test.TestState.AnalyzerConfigFiles.AddRange(fixTest.TestState.AnalyzerConfigFiles);
        test.TestState.ExpectedDiagnostics.AddRange(fixTest.TestState.ExpectedDiagnostics);
        return test.RunAsync();
    }

    private static string GlobalConfig(IReadOnlyDictionary<string, string> properties)
    {
        var config = new StringBuilder("is_global = true\n");
        foreach (var (name, value) in properties)
        {
            config.Append("build_property.").Append(name).Append(" = ").Append(value).Append('\n');
        }

        return config.ToString();
    }

    private sealed class Test : CSharpCodeFixTest<CTR0009DockerfileFixAvailableAnalyzer, CTR0009DockerfileFixFromCodeCodeFixProvider, DefaultVerifier>
    {
        public Test()
        {
            TestBehaviors |= TestBehaviors.SkipGeneratedCodeCheck;
        }
    }
}
