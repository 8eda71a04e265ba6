using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;
using static ContainerAnalyzers.Tests.Rules.Compose.ComposeTexts;

namespace ContainerAnalyzers.Tests.Rules.Compose;

[TestFixture]
public sealed class CTR0061ComposeCommandNotInImageTests
{
    private static string[] Spans(string dockerfile, string compose)
        => EngineTest.ForApp().AnalyzeCompose(dockerfile, compose).Where(f => f.Rule.Id == "CTR0061").Select(f => compose.Substring(f.Span.Start, f.Span.Length)).ToArray();

    [TestCase("healthcheck:\n  test: curl -f http://localhost:8080/", "curl -f http://localhost:8080/")]
    [TestCase("healthcheck:\n  test: [\"CMD-SHELL\", \"curl -f http://localhost:8080/\"]", "\"CMD-SHELL\"")]
    [TestCase("healthcheck:\n  test: [\"CMD\", \"curl\", \"-f\", \"http://localhost:8080/\"]", "\"curl\"")]
    [TestCase("entrypoint: [\"/bin/sh\", \"-c\", \"dotnet App.dll\"]", "\"/bin/sh\"")]
    [TestCase("entrypoint: bash -c 'dotnet App.dll'", "bash -c 'dotnet App.dll'")]
    public void ShellLessImage_Reported(string lines, string span) => Assert.That(Spans(Chiseled8, Service(lines)), Is.EqualTo(new[] { span }));

    [TestCase("healthcheck:\n  test: curl -f http://localhost:8080/")]
    [TestCase("healthcheck:\n  test: [\"CMD\", \"wget\", \"-q\", \"http://localhost:8080/\"]")]
    public void ImageWithAShell_NotReported(string lines) => Assert.That(Spans(Aspnet8, Service(lines)), Is.Empty);

    [TestCase("healthcheck:\n  test: [\"CMD\", \"dotnet\", \"App.dll\", \"--health\"]")]
    [TestCase("healthcheck:\n  test: [\"NONE\"]")]
    [TestCase("healthcheck:\n  disable: true\n  test: curl -f http://localhost:8080/")]
    [TestCase("command: [\"--urls\", \"http://+:8080\"]")]
    [TestCase("command: curl")]
    public void NoShellOrToolNeeded_NotReported(string lines) => Assert.That(Spans(Chiseled8, Service(lines)), Is.Empty);

    [Test]
    public void ToolCopiedIntoTheImage_NotReported()
        => Assert.That(Spans(OnImage("mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled", "COPY --from=build /usr/bin/curl /usr/bin/curl\n"), Service("healthcheck:\n  test: [\"CMD\", \"curl\", \"-f\", \"http://localhost:8080/\"]")), Is.Empty);
}
