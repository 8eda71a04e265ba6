using ContainerAnalyzers.Fixes;
using ContainerAnalyzers.Projects;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Fixes;

/// <summary>
/// A rewrite must not take away what the code needs at run time. The Identity templates ship their SQLite app.db with
/// the app: on the SDK image it runs as root and writes it; the chiseled rewrite runs as app, so the rewrite copies the
/// app as app (CTR0039's own fix), and a host that reads the code offers nothing that would break the app.
/// </summary>
[TestFixture]
public sealed class RewriteKeepsWhatTheCodeNeedsTests
{
    private const string SingleStage = "FROM mcr.microsoft.com/dotnet/sdk:10.0\nWORKDIR /app\nCOPY . .\nRUN dotnet publish -c Release -o out\nENTRYPOINT [\"dotnet\", \"out/App.dll\"]\n";

    private const string ShipsItsDatabase = "<Project Sdk=\"Microsoft.NET.Sdk.Web\">\n  <ItemGroup>\n    <None Update=\"app.db\" CopyToOutputDirectory=\"PreserveNewest\" />\n  </ItemGroup>\n</Project>\n";

    private static ProjectFacts Facts(string projectText)
    {
        var properties = GeneratedDockerfileTests.Web("net10.0");
        return ProjectFacts.Create(p => properties.TryGetValue(p, out var v) ? v : null, "/repo/src/App/App.csproj", projectText);
    }

    private static FixInputs Inputs(bool writes) => new()
    {
        Source = CodeSource.SqliteDatabase(write: writes ? "SaveChanges" : null),
        AppSettings = new[] { AppSettingsReader.Read("appsettings.json", "{ \"ConnectionStrings\": { \"Default\": \"Data Source=app.db\" } }")! },
    };

    [Test]
    public void TheRewriteCopiesTheAppAsItsUser()
    {
        var rewrite = DockerfileFixes.GetFixes(SingleStage, "/repo/src/App/Dockerfile", Facts(ShipsItsDatabase), inputs: Inputs(writes: true)).Single(f => f.Kind == DockerfileFixKind.Regenerate);
        TestContext.Out.WriteLine(rewrite.NewText);
        Assert.That(rewrite.Breaks, Is.Empty);
        Assert.That(rewrite.NewText, Does.Match(@"\nCOPY (--link )?--from=build --chown=app /app/publish \.\n"));
    }

    // Without the code (the MSBuild task), the project file says enough: a SQLite package and a database it ships.
    [Test]
    public void AProjectThatShipsADatabaseIsCopiedAsTheAppUser()
    {
        var project = ShipsItsDatabase.Replace("  </ItemGroup>", "    <PackageReference Include=\"Microsoft.EntityFrameworkCore.Sqlite\" Version=\"10.0.15\" />\n  </ItemGroup>", StringComparison.Ordinal);
        var rewrite = DockerfileFixes.GetFixes(SingleStage, "/repo/src/App/Dockerfile", Facts(project)).Single(f => f.Kind == DockerfileFixKind.Regenerate);
        Assert.That(rewrite.NewText, Does.Match(@"\nCOPY (--link )?--from=build --chown=app /app/publish \.\n"));
    }

    // An app published on the host: swapping the SDK image for the chiseled one would leave the shipped database root's.
    [Test]
    public void NoImageSwapForAnAppThatShipsADatabase()
    {
        const string HostPublished = "FROM mcr.microsoft.com/dotnet/sdk:10.0\nWORKDIR /app\nCOPY Publish .\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n";
        var withPackage = ShipsItsDatabase.Replace("  </ItemGroup>", "    <PackageReference Include=\"Microsoft.Data.Sqlite\" Version=\"10.0.15\" />\n  </ItemGroup>", StringComparison.Ordinal);
        Assert.That(DockerfileFixes.GetFixes(HostPublished, "/repo/src/App/Dockerfile", Facts(ShipsItsDatabase)).Select(f => f.Kind), Has.One.EqualTo(DockerfileFixKind.SwapImage), "no SQLite package");
        Assert.That(DockerfileFixes.GetFixes(HostPublished, "/repo/src/App/Dockerfile", Facts(withPackage)).Select(f => f.Kind), Has.None.EqualTo(DockerfileFixKind.SwapImage));
    }

    [Test]
    public void WithoutAWriteTheRewriteIsAsBefore()
    {
        var rewrite = DockerfileFixes.GetFixes(SingleStage, "/repo/src/App/Dockerfile", Facts(ShipsItsDatabase), inputs: Inputs(writes: false)).Single(f => f.Kind == DockerfileFixKind.Regenerate);
        var plain = DockerfileFixes.GetFixes(SingleStage, "/repo/src/App/Dockerfile", Facts(ShipsItsDatabase)).Single(f => f.Kind == DockerfileFixKind.Regenerate);
        Assert.That(rewrite.NewText, Is.EqualTo(plain.NewText));
        Assert.That(rewrite.NewText, Does.Not.Contain("--chown"));
    }
}
