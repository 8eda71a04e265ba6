using ContainerAnalyzers.Projects;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Syntax;

/// <summary>
/// The appsettings reader accepts what the configuration's JSON provider accepts (comments, trailing commas) and
/// refuses what it refuses (a key twice, ignoring case; more than 64 levels; anything not JSON), so the settings the
/// rules weigh are the ones the app starts with, or unknown.
/// </summary>
[TestFixture]
public sealed class SettingsJsonTests
{
    [Test]
    public void ReadsCommentsTrailingCommasEscapesAndLiterals()
    {
        var root = (SettingsJsonObject)SettingsJson.Parse("""
            // the template's comment
            {
              /* a block
                 comment */
              "Urls": "http://+:8080;http://\u002B:9090", // after a value
              "Kestrel": { "Endpoints": { "Http": { "Url": "http://*:5000", }, }, },
              "Ports": [ 1, -2.5e3, true, false, null, ],
              "Path": "C:\\data\\app.db\t\"x\"",
            }
            """)!;

        Assert.That(((SettingsJsonScalar)root["urls"]!).Value, Is.EqualTo("http://+:8080;http://+:9090"), "names ignore case, escapes are read");
        var kestrel = (SettingsJsonObject)root["Kestrel"]!;
        Assert.That(((SettingsJsonScalar)((SettingsJsonObject)((SettingsJsonObject)kestrel["Endpoints"]!)["Http"]!)["Url"]!).Value, Is.EqualTo("http://*:5000"));
        var ports = ((SettingsJsonArray)root["Ports"]!).Items.Select(i => ((SettingsJsonScalar)i).Value);
        Assert.That(ports, Is.EqualTo(new[] { "1", "-2.5e3", "true", "false", null }));
        Assert.That(((SettingsJsonScalar)root["Path"]!).Value, Is.EqualTo("C:\\data\\app.db\t\"x\""));
    }

    [Test]
    public void NothingButTriviaIsNoDocument()
        => Assert.That(SettingsJson.Parse("  // nothing\n /* here */ \n"), Is.Null);

    [TestCase("{ \"Urls\": \"a\", \"urls\": \"b\" }", TestName = "A key twice, ignoring case")]
    [TestCase("{ \"Urls\": 'single' }", TestName = "Single quotes")]
    [TestCase("{ Urls: \"x\" }", TestName = "A bare name")]
    [TestCase("{ \"Urls\": \"x\" } }", TestName = "Text after the value")]
    [TestCase("{ \"Urls\": \"x\" ", TestName = "An unclosed object")]
    [TestCase("{ \"Urls\": \"x /* */ ", TestName = "An unterminated string")]
    [TestCase("{ \"Urls\": 08 }", TestName = "A leading zero")]
    [TestCase("{ \"Urls\": \"a\nb\" }", TestName = "A raw line break in a string")]
    [TestCase("{ /* open", TestName = "An unterminated comment")]
    [TestCase("{ \"Urls\": \"\\x41\" }", TestName = "An invalid escape")]
    public void RefusesWhatTheConfigurationRefuses(string text)
        => Assert.That(() => SettingsJson.Parse(text), Throws.TypeOf<FormatException>());

    [Test]
    public void RefusesMoreThan64Levels()
    {
        Assert.That(SettingsJson.Parse(new string('[', 64) + new string(']', 64)), Is.TypeOf<SettingsJsonArray>());
        Assert.That(() => SettingsJson.Parse(new string('[', 65) + new string(']', 65)), Throws.TypeOf<FormatException>());
        Assert.That(() => SettingsJson.Parse(new string('[', 100_000)), Throws.TypeOf<FormatException>(), "no stack overflow on a hostile file");
    }

    [Test]
    public void AFileTheAppWouldRefuseLeavesItsEndpointsUnknown()
    {
        var settings = AppSettingsReader.Read("appsettings.json", "{ \"Urls\": \"http://+:8080\", \"URLS\": \"http://+:9090\" }")!;

        Assert.That(settings.IsUnknown, Is.True);
        Assert.That(AppSettingsReader.Read("appsettings.json", "{ \"Urls\": \"http://+:8080\", // the port\n }")!.Urls, Is.EqualTo("http://+:8080"));
    }
}
