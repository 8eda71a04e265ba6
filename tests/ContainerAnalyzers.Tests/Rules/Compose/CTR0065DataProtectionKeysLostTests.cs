using ContainerAnalyzers.Rules;
using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;
using static ContainerAnalyzers.Tests.Rules.Compose.ComposeTexts;

namespace ContainerAnalyzers.Tests.Rules.Compose;

/// <summary>CTR0065 (issue 28): the app's Data Protection keys live only in the container its compose service runs.</summary>
[TestFixture]
public sealed class CTR0065DataProtectionKeysLostTests
{
    private static IReadOnlyList<RuleFinding> Findings(string dockerfile, string compose, string? use = "AddCookie")
        => EngineTest.ForApp().WithSource(use is null ? CodeSource.None : CodeSource.DataProtection(use)).AnalyzeCompose(dockerfile, compose).Where(f => f.Rule.Id == "CTR0065").ToList();

    [Test]
    public void NoVolume_InfoOnTheService()
    {
        var finding = Findings(Chiseled8, Service("ports:\n  - \"8080:8080\"")).Single();
        Assert.That(finding.Severity, Is.EqualTo(RuleSeverity.Info));
        Assert.That(finding.GetMessage(), Does.StartWith("Service 'web' keeps the app's Data Protection keys, which protect the cookies of its cookie authentication (AddCookie), only inside its container, in /home/app/.aspnet/DataProtection-Keys"));
        Assert.That(finding.GetMessage(), Does.Contain("after a redeploy"));
    }

    [TestCase("deploy:\n  replicas: 3", "each of its 3 replicas")]
    [TestCase("scale: 2", "each of its 2 replicas")]
    public void Replicas_Warning(string lines, string expected)
    {
        var finding = Findings(Chiseled8, Service(lines)).Single();
        Assert.That(finding.Severity, Is.EqualTo(RuleSeverity.Warning));
        Assert.That(finding.GetMessage(), Does.Contain(expected));
    }

    [Test]
    public void RootImage_TheRootKeyFolder()
        => Assert.That(Findings(Aspnet8, Service("ports:\n  - \"8080:8080\"")).Single().GetMessage(), Does.Contain("in /root/.aspnet/DataProtection-Keys"));

    // Near misses: a volume at the key folder or above it (short and long syntax, with a mode), a mount whose target is a
    // variable, volumes_from, another user, HOME set, settings from a file the package does not read, one replica.
    [TestCase("volumes:\n  - keys:/home/app/.aspnet/DataProtection-Keys")]
    [TestCase("volumes:\n  - ./data:/home/app:rw")]
    [TestCase("volumes:\n  - type: volume\n    source: keys\n    target: /home/app/.aspnet")]
    [TestCase("volumes:\n  - ${KEYS_DIR}:/home/app/.aspnet")]
    [TestCase("volumes:\n  - keys:${TARGET}")]
    [TestCase("volumes_from:\n  - other")]
    [TestCase("user: \"1000\"")]
    [TestCase("environment:\n  HOME: /data")]
    [TestCase("env_file: app.env")]
    public void KeysKeptOrUncertain_NoDiagnostic(string lines) => Assert.That(Findings(Chiseled8, Service(lines)), Is.Empty);

    [Test]
    public void VolumeOfTheImage_NoDiagnostic()
        => Assert.That(Findings(OnImage("mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled", "VOLUME /home/app/.aspnet/DataProtection-Keys\n"), Service("deploy:\n  replicas: 2")), Is.Empty);

    [Test]
    public void CodeThatPersistsTheKeysOrUsesNone_NoDiagnostic()
        => Assert.That(Findings(Chiseled8, Service("deploy:\n  replicas: 2"), use: null), Is.Empty);

    [Test]
    public void TheRuleIsInTheTable() => Assert.That(AllRules.ComposeRules.OfType<CTR0065DataProtectionKeysLostRule>(), Is.Not.Empty);
}
