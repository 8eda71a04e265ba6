using ContainerAnalyzers.Fixes;
using ContainerAnalyzers.Projects;
using ContainerAnalyzers.Semantics;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Fixes;

/// <summary>
/// Issue 19: when the app's code pins its port (ListenAnyIP(80), UseUrls), the generated Dockerfile EXPOSEs that port,
/// not the image's 8080; and the text scan the MSBuild fixer uses reads the same calls the analyzer reads.
/// </summary>
[TestFixture]
public sealed class CodePinnedPortTests
{
    private const string SingleStage = "FROM mcr.microsoft.com/dotnet/sdk:10.0\nWORKDIR /app\nCOPY . .\nRUN dotnet publish -c Release -o out\nEXPOSE 80\nENTRYPOINT [\"dotnet\", \"out/App.dll\"]\n";

    private static ProjectFacts Facts()
    {
        var properties = GeneratedDockerfileTests.Web("net10.0");
        return ProjectFacts.Create(p => properties.TryGetValue(p, out var v) ? v : null, "/repo/src/App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\" />");
    }

    [Test]
    public void RewriteExposesThePortsTheCodePins()
    {
        var code = CodeEndpointText.Scan(new[] { "builder.WebHost.ConfigureKestrel(o => { o.ListenAnyIP(80); o.ListenAnyIP(443, l => l.UseHttps()); });" });
        var rewrite = DockerfileFixes.GetFixes(SingleStage, "/repo/src/App/Dockerfile", Facts(), inputs: new FixInputs { Code = code }).Single(f => f.Kind == DockerfileFixKind.Regenerate).NewText;
        TestContext.Out.WriteLine(rewrite);
        // The old EXPOSE 80 is kept (the code listens there), and 443 is added; the image's 8080 is not where it listens.
        Assert.That(rewrite, Does.Contain("\nEXPOSE 80\nEXPOSE 443\n"));
        Assert.That(rewrite, Does.Not.Contain("EXPOSE 8080"));
    }

    [Test]
    public void WithoutPinnedPorts_TheImagesPort()
    {
        var rewrite = DockerfileFixes.GetFixes(SingleStage, "/repo/src/App/Dockerfile", Facts(), inputs: new FixInputs { Code = CodeEndpoints.None }).Single(f => f.Kind == DockerfileFixKind.Regenerate).NewText;
        Assert.That(rewrite, Does.Contain("EXPOSE 8080"));
        Assert.That(rewrite, Does.Not.Contain("EXPOSE 80\n"));
    }

    [Test]
    public void RewriteExposesThePortAppSettingsSets()
    {
        // Issue 25: the rewrite reads where the app listens from the rules' own model, so appsettings.json counts.
        var settings = new AppSettingsFile(string.Empty, urls: null, httpPorts: null, httpsPorts: null, kestrelUrls: new[] { "http://0.0.0.0:5100" });
        var rewrite = DockerfileFixes.GetFixes(SingleStage, "/repo/src/App/Dockerfile", Facts(), inputs: new FixInputs { Code = CodeEndpoints.None, AppSettings = new[] { settings } })
            .Single(f => f.Kind == DockerfileFixKind.Regenerate).NewText;
        Assert.That(rewrite, Does.Contain("EXPOSE 5100"));
        Assert.That(rewrite, Does.Not.Contain("EXPOSE 8080"));
    }

    [Test]
    public void RewriteExposesThePortTheOldEnvironmentSets_WhenTheCodeIsUnknown()
    {
        // Without the code the whole answer is unknown; the carried ENV still says where the app listens.
        var dockerfile = SingleStage.Replace("EXPOSE 80\n", "ENV ASPNETCORE_URLS=http://+:5200\n", StringComparison.Ordinal);
        var rewrite = DockerfileFixes.GetFixes(dockerfile, "/repo/src/App/Dockerfile", Facts(), inputs: FixInputs.None).Single(f => f.Kind == DockerfileFixKind.Regenerate).NewText;
        Assert.That(rewrite, Does.Contain("EXPOSE 5200"));
        Assert.That(rewrite, Does.Not.Contain("EXPOSE 8080"));
    }

    [Test]
    public void NewDockerfileExposesTheUrlsPort()
    {
        var created = DockerfileFixes.CreateDockerfile(Facts(), "/repo/src/App/Dockerfile", new FixInputs { Code = CodeEndpointText.Scan(new[] { "app.Run(\"http://0.0.0.0:5000\");" }) });
        Assert.That(created, Does.Contain("EXPOSE 5000"));
    }

    [TestCase("o.ListenAnyIP(80);", new[] { 80 }, new string[0])]
    [TestCase("o.ListenLocalhost(5001, l => l.UseHttps());", new[] { 5001 }, new string[0])]
    [TestCase("options.Listen(IPAddress.Any, 5000);", new[] { 5000 }, new string[0])]
    [TestCase("builder.WebHost.UseUrls(\"http://+:5002\", \"https://+:5003\");", new int[0], new[] { "http://+:5002", "https://+:5003" })]
    [TestCase("app.Urls.Add(\"http://*:5004\");", new int[0], new[] { "http://*:5004" })]
    [TestCase("app.Run(\"http://localhost:5005\");", new int[0], new[] { "http://localhost:5005" })]
    public void TextScan_ReadsLiteralEndpoints(string code, int[] ports, string[] urls)
    {
        var found = CodeEndpointText.Scan(new[] { code });
        Assert.That(found.IsUnknown, Is.False);
        Assert.That(found.KestrelPorts, Is.EqualTo(ports));
        Assert.That(found.Urls, Is.EqualTo(urls));
    }

    [TestCase("o.ListenAnyIP(port);")]
    [TestCase("o.Listen(IPAddress.Any, settings.Port);")]
    [TestCase("o.ListenUnixSocket(\"/tmp/app.sock\");")]
    [TestCase("builder.WebHost.UseUrls(urls);")]
    [TestCase("Environment.SetEnvironmentVariable(\"ASPNETCORE_URLS\", \"http://+:80\");")]
    [TestCase("app.Urls.Add(url);")]
    public void TextScan_UnknownWhenNotLiteral(string code) => Assert.That(CodeEndpointText.Scan(new[] { code }).IsUnknown, Is.True);

    [TestCase("socket.Listen(100);")]
    [TestCase("app.Run();")]
    [TestCase("app.Run(async context => await context.Response.WriteAsync(\"hi\"));")]
    public void TextScan_NotAnEndpoint(string code) => Assert.That(CodeEndpointText.Scan(new[] { code }), Is.SameAs(CodeEndpoints.None));
}
