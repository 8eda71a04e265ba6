using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;
using static ContainerAnalyzers.Tests.Rules.Compose.ComposeTexts;

namespace ContainerAnalyzers.Tests.Rules.Compose;

[TestFixture]
public sealed class CTR0064ComposeUserRootTests
{
    private static int Count(string dockerfile, string compose)
        => EngineTest.ForApp().AnalyzeCompose(dockerfile, compose).Count(f => f.Rule.Id == "CTR0064");

    [TestCase("user: root")]
    [TestCase("user: \"0\"")]
    [TestCase("user: 0:0")]
    public void NonRootImage_Reported(string lines) => Assert.That(Count(Chiseled8, Service(lines)), Is.EqualTo(1));

    [TestCase("user: app")]
    [TestCase("user: \"1654\"")]
    [TestCase("user: ${UID}")]
    public void NotRoot_NotReported(string lines) => Assert.That(Count(Chiseled8, Service(lines)), Is.Zero);

    [Test]
    public void ImageRunsAsRootAnyway_NotReported() => Assert.That(Count(Aspnet8, Service("user: root")), Is.Zero);
}
