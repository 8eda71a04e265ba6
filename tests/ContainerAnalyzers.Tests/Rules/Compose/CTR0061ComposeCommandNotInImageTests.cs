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

    // Issue 27: the runtime images on Debian and Ubuntu have a shell but neither curl nor wget (their Dockerfiles in
    // dotnet-docker download .NET in a separate installer stage); Alpine's BusyBox has wget, not curl.
    [TestCase("mcr.microsoft.com/dotnet/aspnet:9.0", "healthcheck:\n  test: curl -f http://localhost:8080/", "curl -f http://localhost:8080/")]
    [TestCase("mcr.microsoft.com/dotnet/aspnet:8.0", "healthcheck:\n  test: [\"CMD\", \"wget\", \"-q\", \"http://localhost:8080/\"]", "\"wget\"")]
    [TestCase("mcr.microsoft.com/dotnet/aspnet:10.0-noble", "healthcheck:\n  test: [\"CMD-SHELL\", \"curl -f http://localhost:8080/ || exit 1\"]", "\"curl -f http://localhost:8080/ || exit 1\"")]
    [TestCase("mcr.microsoft.com/dotnet/runtime-deps:8.0-alpine", "healthcheck:\n  test: [\"CMD\", \"/usr/bin/curl\", \"-f\", \"http://localhost:8080/\"]", "\"/usr/bin/curl\"")]
    public void ImageWithAShellButNotTheTool_Reported(string image, string lines, string span) => Assert.That(Spans(OnImage(image), Service(lines)), Is.EqualTo(new[] { span }));

    [TestCase("mcr.microsoft.com/dotnet/aspnet:8.0", "RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n", "curl -f http://localhost:8080/")]
    [TestCase("mcr.microsoft.com/dotnet/aspnet:8.0-alpine", "RUN apk add --no-cache curl\n", "curl -f http://localhost:8080/")]
    [TestCase("mcr.microsoft.com/dotnet/aspnet:8.0-alpine", "", "wget -q --spider http://localhost:8080/")]
    [TestCase("mcr.microsoft.com/dotnet/sdk:8.0", "", "curl -f http://localhost:8080/")]
    [TestCase("mcr.microsoft.com/dotnet/aspnet:8.0-azurelinux3.0", "", "curl -f http://localhost:8080/")]
    [TestCase("mcr.microsoft.com/dotnet/aspnet:8.0", "", "dotnet App.dll --health")]
    public void ToolInstalledPresentOrUnknown_NotReported(string image, string extra, string test)
        => Assert.That(Spans(OnImage(image, extra), Service("healthcheck:\n  test: " + test)), Is.Empty);

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
