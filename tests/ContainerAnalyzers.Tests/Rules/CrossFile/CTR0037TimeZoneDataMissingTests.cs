using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules.CrossFile;

/// <summary>
/// CTR0037 (issue 28): the code looks up a time zone by id, and the final image has no time-zone database, so the
/// lookup throws TimeZoneNotFoundException in the container.
/// </summary>
[TestFixture]
public sealed class CTR0037TimeZoneDataMissingTests
{
    private const string Builder = "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nRUN dotnet publish -o /app\n";
    private const string Paris = "public static class Clock { public static System.DateTime Paris(System.DateTime utc) => System.TimeZoneInfo.ConvertTimeFromUtc(utc, System.TimeZoneInfo.FindSystemTimeZoneById(\"Europe/Paris\")); }";

    private static DockerfileAnalyzerTest<CTR0037TimeZoneDataMissingRule> Test() => DockerfileAnalyzerTest<CTR0037TimeZoneDataMissingRule>.ForApp();

    [Test]
    public Task ChiseledWithoutExtra_ReportedWithTheExtraImageAsItsFix() => Test()
        .WithSource(Paris)
        .WithDockerfile(Builder + "FROM {|CTR0037:mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled|}\nCOPY --from=build /app .\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n")
        .RunAsync();

    [Test]
    public void TheMessageNamesTheIdWhereAndTheFix()
    {
        var findings = EngineTest.ForApp().WithSource(CodeSource.TimeZones(("Europe/Paris", "Clock.cs:3"), ("America/New_York", "Jobs.cs:12")))
            .Analyze(Builder + "FROM mcr.microsoft.com/dotnet/runtime:9.0-noble-chiseled\n", new CTR0037TimeZoneDataMissingRule());
        var finding = findings.Single();
        Assert.That(finding.GetMessage(), Is.EqualTo("The app looks up the time zone 'Europe/Paris' (Clock.cs:3, and 1 more), but the final image 'mcr.microsoft.com/dotnet/runtime:9.0-noble-chiseled' has no time-zone database, so the lookup throws TimeZoneNotFoundException; use 'mcr.microsoft.com/dotnet/runtime:9.0-noble-chiseled-extra', which has it"));
        Assert.That(finding.Fixes.Single().ApplyTo(Builder + "FROM mcr.microsoft.com/dotnet/runtime:9.0-noble-chiseled\n"), Does.EndWith("FROM mcr.microsoft.com/dotnet/runtime:9.0-noble-chiseled-extra\n"));
    }

    [TestCase("public static class C { public static System.DateTime D(System.DateTime d) => System.TimeZoneInfo.ConvertTimeBySystemTimeZoneId(d, \"Asia/Tokyo\"); }")]
    [TestCase("public static class C { public static bool T() => System.TimeZoneInfo.TryFindSystemTimeZoneById(\"W. Europe Standard Time\", out _); }")]
    [TestCase("public static class C { private const string Zone = \"Europe/Berlin\"; public static object Z = System.TimeZoneInfo.FindSystemTimeZoneById(Zone); }")]
    public Task OtherLookups_Reported(string source) => Test()
        .WithSource(source)
        .WithDockerfile(Builder + "FROM {|CTR0037:mcr.microsoft.com/dotnet/aspnet:8.0-alpine|}\nCOPY --from=build /app .\n")
        .RunAsync();

    // Alpine has tzdata as a package: the fix installs it right after the final FROM, while the stage is still root.
    [Test]
    public void AlpineGetsTzdataInstalled()
    {
        var dockerfile = Builder + "FROM mcr.microsoft.com/dotnet/aspnet:8.0-alpine\nCOPY --from=build /app .\nUSER $APP_UID\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n";
        var finding = EngineTest.ForApp().WithSource(CodeSource.TimeZones(("Europe/Paris", "Clock.cs:3"))).Analyze(dockerfile, new CTR0037TimeZoneDataMissingRule()).Single();
        var fixedText = finding.Fixes.Single().ApplyTo(dockerfile)!;
        Assert.That(fixedText, Does.Contain("FROM mcr.microsoft.com/dotnet/aspnet:8.0-alpine\nRUN apk add --no-cache tzdata\nCOPY --from=build"));
        Assert.That(EngineTest.ForApp().WithSource(CodeSource.TimeZones(("Europe/Paris", "Clock.cs:3"))).Analyze(fixedText, new CTR0037TimeZoneDataMissingRule()), Is.Empty);
    }

    // A stage the final one builds on switched to a user who cannot run apk: no fix.
    [Test]
    public void AlpineAfterAUserSwitch_NoFix()
    {
        var dockerfile = Builder + "FROM mcr.microsoft.com/dotnet/aspnet:8.0-alpine AS base\nUSER app\n\nFROM base\nCOPY --from=build /app .\n";
        Assert.That(EngineTest.ForApp().WithSource(CodeSource.TimeZones(("Europe/Paris", "Clock.cs:3"))).Analyze(dockerfile, new CTR0037TimeZoneDataMissingRule()).Single().Fixes, Is.Empty);
    }

    // Quartz's TimeZoneUtil.FindTimeZoneById (cron triggers in a time zone) and NodaTime's BCL provider read the OS's
    // database too; NodaTime's TZDB provider carries its own.
    [TestCase("public static class C { public static object Z = Quartz.Util.TimeZoneUtil.FindTimeZoneById(\"Europe/Paris\"); }", true)]
    [TestCase("public static class C { public static object Z = NodaTime.DateTimeZoneProviders.Bcl[\"Europe/Paris\"]; }", true)]
    [TestCase("public static class C { public static object? Z = NodaTime.DateTimeZoneProviders.Bcl.GetZoneOrNull(\"Asia/Tokyo\"); }", true)]
    [TestCase("public static class C { public static object Z = NodaTime.DateTimeZoneProviders.Tzdb[\"Europe/Paris\"]; }", false)]
    [TestCase("public static class C { public static object Z = NodaTime.DateTimeZoneProviders.Bcl[\"UTC\"]; }", false)]
    public Task LibrariesThatReadTheDatabase(string source, bool reported) => Test()
        .WithSource(source)
        .WithReference(Library("NodaTime", "namespace NodaTime { public interface IDateTimeZoneProvider { object this[string id] { get; } object? GetZoneOrNull(string id); } public static class DateTimeZoneProviders { public static IDateTimeZoneProvider Bcl => null!; public static IDateTimeZoneProvider Tzdb => null!; } }"))
        .WithReference(Library("Quartz", "namespace Quartz.Util { public static class TimeZoneUtil { public static System.TimeZoneInfo FindTimeZoneById(string id) => null!; } }"))
        .WithDockerfile(Builder + (reported ? "FROM {|CTR0037:mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled|}\n" : "FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled\n") + "COPY --from=build /app .\n")
        .RunAsync();

    [Test]
    public void NodaTimesFailureInTheMessage()
    {
        var source = new CodeSource(ContainerAnalyzers.Semantics.CodeEndpoints.None, nodaTimeBcl: new[] { ("Europe/Paris", "Clock.cs:3") });
        var finding = EngineTest.ForApp().WithSource(source).Analyze(Builder + "FROM mcr.microsoft.com/dotnet/runtime:9.0-noble-chiseled\n", new CTR0037TimeZoneDataMissingRule()).Single();
        Assert.That(finding.GetMessage(), Does.Contain("has no time-zone database, so NodaTime's BCL provider does not have it (DateTimeZoneNotFoundException, or null from GetZoneOrNull);"));
    }

    // An assembly of the given name with the given code, as a package reference brings it.
    private static Microsoft.CodeAnalysis.MetadataReference Library(string name, string code)
    {
        var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("#nullable enable\n" + code);
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(name, new[] { tree }, NetReferenceAssemblies.Net80, new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.That(emitted.Success, Is.True, string.Join("\n", emitted.Diagnostics));
        return Microsoft.CodeAnalysis.MetadataReference.CreateFromImage(image.ToArray());
    }

    // UTC needs no database; an id the code computes may be UTC; unknown stays silent.
    [TestCase("public static class C { public static object Z = System.TimeZoneInfo.FindSystemTimeZoneById(\"UTC\"); }")]
    [TestCase("public static class C { public static object Z = System.TimeZoneInfo.FindSystemTimeZoneById(\"Etc/UTC\"); }")]
    [TestCase("public static class C { public static object Z(string id) => System.TimeZoneInfo.FindSystemTimeZoneById(id); }")]
    [TestCase("public static class C { public static object Z = System.TimeZoneInfo.Local; }")]
    [TestCase("public static class FindSystemTimeZoneById { public static object Z(string s) => s; public static object Y = Z(\"Europe/Paris\"); }")]
    public Task NoLookupTheDatabaseAnswers_NoDiagnostic(string source) => Test()
        .WithSource(source)
        .WithDockerfile(Builder + "FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled\nCOPY --from=build /app .\n")
        .RunAsync();

    [TestCase("FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled-extra\n")]
    [TestCase("FROM mcr.microsoft.com/dotnet/aspnet:8.0\n")]
    [TestCase("FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble\n")]
    [TestCase("FROM mcr.microsoft.com/dotnet/aspnet:8.0-alpine\nRUN apk add --no-cache tzdata\n")]
    [TestCase("FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled\nCOPY --from=build /usr/share/zoneinfo /usr/share/zoneinfo\n")]
    [TestCase("FROM mcr.microsoft.com/dotnet/aspnet:8.0-azurelinux3.0-distroless\n")]
    public Task ImageWithTheDatabaseOrUnknown_NoDiagnostic(string final) => Test()
        .WithSource(Paris)
        .WithDockerfile(Builder + final)
        .RunAsync();
}
