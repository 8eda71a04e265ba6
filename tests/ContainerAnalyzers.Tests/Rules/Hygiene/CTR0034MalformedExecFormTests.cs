using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Tests.Infrastructure;
using ContainerAnalyzers.Tests.Rules.CrossFile;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules.Hygiene;

[TestFixture]
public sealed class CTR0034MalformedExecFormTests
{
    private const string Final = "FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled\n";

    private static DockerfileAnalyzerTest<CTR0034MalformedExecFormRule> Test() => DockerfileAnalyzerTest<CTR0034MalformedExecFormRule>.ForApp("net10.0");

    [Test]
    public Task SingleQuotes() => Test()
        .WithDockerfile(Final + "ENTRYPOINT {|CTR0034:['dotnet', 'App.dll']|}\n")
        .RunAsync();

    [Test]
    public Task TrailingComment() => Test()
        .WithDockerfile(Final + "ENTRYPOINT {|CTR0034:[\"dotnet\", \"App.dll\"] # start the app|}\n")
        .RunAsync();

    [Test]
    public Task CommaBeforeTheBracketInAnEarlierStage() => Test()
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS tools\nCMD {|CTR0034:[\"dotnet\", \"--info\",]|}\n" + Final + "ENTRYPOINT [\"dotnet\", \"App.dll\"]\n")
        .RunAsync();

    [Test]
    public Task NoClosingBracket() => Test()
        .WithDockerfile(Final + "ENTRYPOINT {|CTR0034:[\"dotnet\", \"App.dll\"|}\n")
        .RunAsync();

    [Test]
    public Task ValidExecForm_NearMiss() => Test()
        .WithDockerfile(Final + "ENTRYPOINT [ \"dotnet\" , \"App.dll\" ]\nCMD [\"--urls\", \"http://+:8080\"]\n")
        .RunAsync();

    [Test]
    public Task ShellTestBuiltin_NoDiagnostic() => Test()
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:10.0\nCMD [ -f /app/ready ] && dotnet App.dll\nENTRYPOINT [ \"$MODE\" = web ] && dotnet Web.dll || dotnet Worker.dll\n")
        .RunAsync();

    [Test]
    public Task NotAStringArray_IsASyntaxErrorNotThisRule() => Test()
        .WithDockerfile(Final + "CMD [\"dotnet\", 1]\n")
        .RunAsync();

    [TestCase("['dotnet', 'App.dll']", "[\"dotnet\", \"App.dll\"]")]
    [TestCase("[\"dotnet\", \"App.dll\",]", "[\"dotnet\", \"App.dll\"]")]
    [TestCase("[\"dotnet\", \"App.dll\"", "[\"dotnet\", \"App.dll\"]")]
    public void FixWritesTheIntendedArray(string written, string expected)
    {
        var fixedText = RuleFixAssert.ApplyFix(new CTR0034MalformedExecFormRule(), Final + "ENTRYPOINT " + written + "\n", RuleFixAssert.Properties("net10.0"), "Write the JSON array");
        Assert.That(fixedText, Is.EqualTo(Final + "ENTRYPOINT " + expected + "\n"));
    }

    // On an image with a shell: the chiseled one has none, so an intended `sh -c` could not run there either way.
    [Test]
    public void FixKeepsQuotesInsideTheStrings()
    {
        const string withShell = "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nUSER $APP_UID\n";
        var fixedText = RuleFixAssert.ApplyFix(new CTR0034MalformedExecFormRule(), withShell + "ENTRYPOINT ['sh', '-c', 'echo \"hi\"']\n", RuleFixAssert.Properties("net10.0"), "Write the JSON array");
        Assert.That(fixedText, Is.EqualTo(withShell + "ENTRYPOINT [\"sh\", \"-c\", \"echo \\\"hi\\\"\"]\n"));
    }

    [TestCase("[\"dotnet\", \"App.dll\"] # start the app")]
    [TestCase("[\"C:\\app\\App.exe\"]")]
    public void NoFixWhenTheIntentIsAmbiguous(string written)
    {
        var finding = EngineTest.ForApp("net10.0").Analyze(Final + "ENTRYPOINT " + written + "\n", new CTR0034MalformedExecFormRule()).Single();
        Assert.That(finding.Fixes, Is.Empty);
    }

    [Test]
    public void OnAShellLessImageOnlyThisRuleReports()
    {
        var ids = EngineTest.ForApp("net10.0").Analyze(Final + "ENTRYPOINT ['dotnet', 'App.dll']\n").Select(f => f.Rule.Id);
        Assert.That(ids, Does.Contain("CTR0034").And.Not.Contain("CTR0030"));
    }
}
