using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;
using static ContainerAnalyzers.Tests.Rules.Compose.ComposeTexts;

namespace ContainerAnalyzers.Tests.Rules.Compose;

[TestFixture]
public sealed class CTR0091ComposeSyntaxErrorTests
{
    private static string[] Messages(string compose)
        => EngineTest.ForApp().AnalyzeCompose(Aspnet8, compose).Where(f => f.Rule.Id == "CTR0091").Select(f => f.GetMessage()).ToArray();

    [TestCase("services:\n  web:\n    build: .\n   ports: [80\n")]
    [TestCase("services:\n  web:\n\tbuild: .\n")]
    [TestCase("services: [\n")]
    public void InvalidYaml_OneFinding(string compose) => Assert.That(Messages(compose), Has.Length.EqualTo(1));

    [TestCase("- web\n- db\n", "the top level is not a mapping of keys such as 'services'")]
    [TestCase("services:\n  - web\n", "'services' is not a mapping of service names to services")]
    [TestCase("services:\n  web: nginx\n", "the service 'web' is not a mapping")]
    public void NotACompose_File(string compose, string message) => Assert.That(Messages(compose), Is.EqualTo(new[] { message }));

    [TestCase("")]
    [TestCase("# nothing yet\n")]
    [TestCase("services:\n")]
    [TestCase("name: app\nservices:\n  web:\n    image: nginx\nx-common: &common\n  restart: always\n")]
    public void EmptyOrValid_NoFinding(string compose) => Assert.That(Messages(compose), Is.Empty);

    [Test]
    public void MergeKeysAndAnchors_AreRead()
    {
        var compose = "x-web: &web\n  build: .\n  ports:\n    - 80:80\nservices:\n  web:\n    <<: *web\n    user: root\n";
        Assert.That(EngineTest.ForApp().AnalyzeCompose(Aspnet8, compose).Select(f => f.Rule.Id), Is.EqualTo(new[] { "CTR0060" }));
    }

    // Issue 27: compose (go-yaml) accepts a quoted scalar whose continuation lines are indented no deeper than its key,
    // as in a multi-line `sh -c` command closed by "] at the key's indentation. It is read as compose reads it: no
    // CTR0091, and the other rules still see the file, each finding where it is in the file.
    [TestCase("    command: [\"sh\", \"-c\", \"dotnet ef database update\n      && dotnet App.dll\n    \"]\n")]
    [TestCase("    command: [\"sh\", \"-c\", 'echo one\n  && echo two\n    ']\n")]
    [TestCase("    labels: [\"a \\\"quoted\\\" note\n    that goes on\"]\n")]
    public void QuotedScalarContinuedAtTheKeysIndentation_ReadAsComposeReadsIt(string command)
    {
        var compose = "services:\n  web:\n    build: .\n" + command + "    ports:\n      - \"5000:80\"\n";
        var findings = EngineTest.ForApp().AnalyzeCompose(Aspnet8, compose);
        Assert.That(findings.Select(f => f.Rule.Id), Has.None.EqualTo("CTR0091"));
        var port = findings.Single(f => f.Rule.Id == "CTR0060");
        Assert.That(compose.Substring(port.Span.Start, port.Span.Length), Is.EqualTo("80"), "located in the file as written, not in the repaired text");
    }

    [Test]
    public void WhatComposeRejectsToo_IsStillReported()
        => Assert.That(Messages("services:\n  web:\n    build: .\n    command: [\"sh\", \"-c\", \"echo\n    \"\n   ports: [80\n"), Has.Length.EqualTo(1));
}
