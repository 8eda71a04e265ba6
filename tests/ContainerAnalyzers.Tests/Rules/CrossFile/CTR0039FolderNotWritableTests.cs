using ContainerAnalyzers.Images;
using ContainerAnalyzers.Rules;
using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules.CrossFile;

/// <summary>
/// CTR0039 (issue 28): the app writes a SQLite database in a folder of the final image that root owns, and the
/// container runs as a non-root user (SQLite Error 14: 'unable to open database file').
/// </summary>
[TestFixture]
public sealed class CTR0039FolderNotWritableTests
{
    private const string Build = "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nWORKDIR /src\nCOPY . .\nRUN dotnet publish -c Release -o /app/publish\n\n";

    // The .NET 8+ template's order turned around: WORKDIR makes /app as root, and USER comes after it.
    private const string UserAfterWorkdir = Build + "FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble\nWORKDIR /app\nCOPY --from=build /app/publish .\nUSER $APP_UID\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n";

    private const string AppSettings = "{ \"ConnectionStrings\": { \"Default\": \"Data Source=app.db;Cache=Shared\" } }";

    private static EngineTest Test(SourceEvidence? source = null, string appSettings = AppSettings)
        => EngineTest.ForApp("net10.0").WithSource(source ?? CodeSource.SqliteDatabase()).WithAppSettings(appSettings);

    private static IReadOnlyList<RuleFinding> Findings(string dockerfile, EngineTest? test = null)
        => (test ?? Test()).Analyze(dockerfile, new CTR0039FolderNotWritableRule());

    [Test]
    public void WorkdirBeforeUser_ReportedAtTheWorkdirWithAFix()
    {
        var finding = Findings(UserAfterWorkdir).Single();
        Assert.That(finding.GetMessage(), Is.EqualTo(
            "The app writes '/app/app.db' (its SQLite database: connection string 'Default' in appsettings.json, opened by UseSqlite at Program.cs:9 and written by SaveChanges), "
            + "but /app is owned by root (WORKDIR made it while the stage still ran as root), and the container runs as 'app', so SQLite fails with 'unable to open database file'; "
            + "switch to the user before WORKDIR makes the folder, so the folder is the user's"));
        Assert.That(UserAfterWorkdir.Substring(finding.Span.Start, finding.Span.Length), Is.EqualTo("WORKDIR /app"));

        var fixedText = finding.Fixes.Single().ApplyTo(UserAfterWorkdir)!;
        Assert.That(fixedText, Does.EndWith("FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble\nUSER $APP_UID\nWORKDIR /app\nCOPY --from=build /app/publish .\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n"));
        Assert.That(Findings(fixedText), Is.Empty, "WORKDIR now makes /app as the app user");
    }

    [Test]
    public void TheFixKeepsAFileWithoutAFinalLineBreakAsItWas()
    {
        var dockerfile = UserAfterWorkdir.Replace("USER $APP_UID\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n", "ENTRYPOINT [\"dotnet\", \"App.dll\"]\nUSER app", StringComparison.Ordinal);
        var fixedText = Findings(dockerfile).Single().Fixes.Single().ApplyTo(dockerfile)!;
        Assert.That(fixedText, Does.EndWith("\nUSER app\nWORKDIR /app\nCOPY --from=build /app/publish .\nENTRYPOINT [\"dotnet\", \"App.dll\"]"));
    }

    // The base stage of Visual Studio's layout: WORKDIR in "base", USER later in "final"; no single-stage move, no fix.
    [Test]
    public void WorkdirAndUserInDifferentStages_ReportedWithoutAFix()
    {
        var dockerfile = "FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble AS base\nWORKDIR /app\nEXPOSE 8080\n\n" + Build
            + "FROM base AS final\nCOPY --from=build /app/publish .\nUSER app\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n";
        var finding = Findings(dockerfile).Single();
        Assert.That(finding.Fixes, Is.Empty);
        Assert.That(finding.GetMessage(), Does.EndWith("make the folder the user's (USER before the WORKDIR that makes it, or COPY --chown), or mount a volume there"));
    }

    // A RUN between the WORKDIR and the USER would run as the user after the move: reported, not fixed.
    [Test]
    public void RunBetweenWorkdirAndUser_NoFix()
        => Assert.That(Findings(UserAfterWorkdir.Replace("COPY --from=build", "RUN apt-get update\nCOPY --from=build", StringComparison.Ordinal)).Single().Fixes, Is.Empty);

    // On a chiseled image the stage runs as app from the start, but a folder COPY makes is root's.
    [Test]
    public void FolderMadeByCopy_ReportedAtTheCopy()
    {
        var dockerfile = Build + "FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled\nCOPY --from=build /app/publish /app\nWORKDIR /app\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n";
        var finding = Findings(dockerfile).Single();
        Assert.That(dockerfile.Substring(finding.Span.Start, finding.Span.Length), Does.StartWith("COPY --from=build"));
        Assert.That(finding.GetMessage(), Does.Contain("but /app is owned by root (COPY made it), and"));
        Assert.That(finding.Fixes, Is.Empty);
    }

    // A literal connection string in the code, absolute, in the image's root folder.
    [Test]
    public void LiteralInTheCodeInTheRootFolder_ReportedAtTheFrom()
    {
        var dockerfile = Build + "FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled\nWORKDIR /app\nCOPY --from=build /app/publish .\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n";
        var finding = Findings(dockerfile, Test(CodeSource.SqliteDatabase(literal: "Data Source=/shop.db"))).Single();
        Assert.That(finding.GetMessage(), Does.StartWith("The app writes '/shop.db' (its SQLite database: a connection string in the code, opened by UseSqlite at Program.cs:9 and written by SaveChanges), but / is owned by root (a folder of the image)"));
    }

    // The compose services that run the image set its user.
    [Test]
    public void ComposeUserNonRoot_Reported()
    {
        var dockerfile = UserAfterWorkdir.Replace("USER $APP_UID\n", string.Empty, StringComparison.Ordinal);
        Assert.That(Findings(dockerfile), Is.Empty, "root writes anywhere");
        var finding = Findings(dockerfile, Test().WithCompose("services:\n  web:\n    build: .\n    user: \"1000\"\n")).Single();
        Assert.That(finding.GetMessage(), Does.Contain("the container runs as '1000'"));
        Assert.That(finding.Fixes, Is.Empty, "the user is the compose file's");
    }

    // appsettings.Production.json is what the container reads (no ASPNETCORE_ENVIRONMENT): its value stands.
    [Test]
    public void ProductionSettingsReplaceTheBaseFile()
    {
        var test = Test().WithAppSettings("{ \"ConnectionStrings\": { \"Default\": \"Data Source=/tmp/app.db\" } }", "appsettings.Production.json");
        Assert.That(Findings(UserAfterWorkdir, test), Is.Empty);

        var development = Test().WithAppSettings("{ \"ConnectionStrings\": { \"Default\": \"Data Source=/tmp/app.db\" } }", "appsettings.Development.json");
        Assert.That(Findings(UserAfterWorkdir, development), Has.Count.EqualTo(1), "the Development file is not read in the container");
    }

    // The folder is the user's or everyone's: WORKDIR after USER, the chiseled image's user from the start, /tmp, the
    // app user's home.
    [TestCase("FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble\nUSER $APP_UID\nWORKDIR /app\nCOPY --from=build /app/publish .\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n")]
    [TestCase("FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled\nWORKDIR /app\nCOPY --from=build /app/publish .\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n")]
    [TestCase("FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble\nWORKDIR /tmp\nCOPY --from=build /app/publish /app\nUSER app\nENTRYPOINT [\"dotnet\", \"/app/App.dll\"]\n")]
    [TestCase("FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled\nWORKDIR /home/app\nCOPY --from=build /app/publish /app\nENTRYPOINT [\"dotnet\", \"/app/App.dll\"]\n")]
    public void FolderTheUserMayWrite_NoDiagnostic(string final) => Assert.That(Findings(Build + final), Is.Empty);

    // Ways out, or things the package cannot follow: chown, COPY --chown onto the folder, a VOLUME, the root user, a
    // variable, a RUN naming the folder.
    [TestCase("RUN chown -R app /app\n")]
    [TestCase("RUN mkdir -p data\n")]
    [TestCase("VOLUME /app\n")]
    [TestCase("VOLUME [\"/\"]\n")]
    [TestCase("USER root\n")]
    [TestCase("USER ${UID}\n")]
    [TestCase("WORKDIR ${APP_HOME}\n")]
    public void WaysOutOrUnknowns_NoDiagnostic(string lineBeforeEntrypoint)
        => Assert.That(Findings(UserAfterWorkdir.Replace("ENTRYPOINT", lineBeforeEntrypoint + "ENTRYPOINT", StringComparison.Ordinal)), Is.Empty);

    [Test]
    public void CopyWithChownOntoTheFolder_NoDiagnostic()
        => Assert.That(Findings(UserAfterWorkdir.Replace("COPY --from=build", "COPY --chown=app --from=build", StringComparison.Ordinal)), Is.Empty);

    // A compose service that mounts a volume or tmpfs at or above the folder, runs as root, works elsewhere, or reads
    // settings from a file the package does not read.
    [TestCase("volumes:\n      - data:/app\n")]
    [TestCase("volumes:\n      - ./data:/app/:rw\n")]
    [TestCase("volumes:\n      - ${DATA}:${TARGET}\n")]
    [TestCase("tmpfs: /app\n")]
    [TestCase("user: root\n")]
    [TestCase("working_dir: /data\n")]
    [TestCase("env_file: app.env\n")]
    [TestCase("environment:\n      ConnectionStrings__Default: Data Source=/tmp/app.db\n")]
    [TestCase("environment:\n      ASPNETCORE_ConnectionStrings__Default: Data Source=/app/app.db\n")]
    [TestCase("environment:\n      ASPNETCORE_ENVIRONMENT: ${ENVIRONMENT}\n")]
    [TestCase("command: [\"--ConnectionStrings:Default=Data Source=/tmp/app.db\"]\n")]
    public void ComposeServiceThatChangesTheAnswer_NoDiagnostic(string lines)
        => Assert.That(Findings(UserAfterWorkdir, Test().WithCompose("services:\n  web:\n    build: .\n    " + lines)), Is.Empty);

    // The Identity templates ship their app.db (CopyToOutputDirectory): the folder is the user's, the copied file root's.
    private const string ShipsItsDatabase = "<Project Sdk=\"Microsoft.NET.Sdk.Web\">\n  <ItemGroup>\n    <None Update=\"app.db\" CopyToOutputDirectory=\"PreserveNewest\" />\n  </ItemGroup>\n</Project>\n";

    private const string ChiseledFinal = Build + "FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled\nWORKDIR /app\nCOPY --from=build /app/publish .\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n";

    [Test]
    public void DatabaseShippedWithTheApp_ReportedAtTheCopyWithChown()
    {
        var test = Test().WithProject("/src/App/App.csproj", ShipsItsDatabase);
        var finding = Findings(ChiseledFinal, test).Single();
        Assert.That(ChiseledFinal.Substring(finding.Span.Start, finding.Span.Length), Is.EqualTo("COPY --from=build /app/publish ."));
        Assert.That(finding.GetMessage(), Is.EqualTo(
            "The app writes '/app/app.db' (its SQLite database: connection string 'Default' in appsettings.json, opened by UseSqlite at Program.cs:9 and written by SaveChanges), "
            + "but the file ships with the app (the project copies app.db to its output) and COPY makes it root's, and the container runs as 'app', so SQLite fails with 'attempt to write a readonly database'; "
            + "copy the app as its user (COPY --chown=app), or keep the file out of the publish output and let the app create it"));

        var fixedText = finding.Fixes.Single().ApplyTo(ChiseledFinal)!;
        Assert.That(fixedText, Does.Contain("COPY --from=build --chown=app /app/publish .\n"));
        Assert.That(Findings(fixedText, Test().WithProject("/src/App/App.csproj", ShipsItsDatabase)), Is.Empty);
    }

    // Not shipped, or not root's: no item copies it, a wildcard item, the copy already sets the owner, a RUN re-owns it.
    [TestCase("<Project Sdk=\"Microsoft.NET.Sdk.Web\" />", "")]
    [TestCase("<Project><ItemGroup><None Update=\"app.db\" CopyToOutputDirectory=\"Never\" /></ItemGroup></Project>", "")]
    [TestCase("<Project><ItemGroup><None Include=\"*.db\" CopyToOutputDirectory=\"Always\" /></ItemGroup></Project>", "")]
    [TestCase("<Project><ItemGroup><None Update=\"data/app.db\" CopyToOutputDirectory=\"Always\" /></ItemGroup></Project>", "")]
    [TestCase(ShipsItsDatabase, "chown")]
    [TestCase(ShipsItsDatabase, "run")]
    public void DatabaseNotShippedAsRoot_NoDiagnostic(string project, string change)
    {
        var dockerfile = change switch
        {
            "chown" => ChiseledFinal.Replace("COPY --from=build", "COPY --from=build --chown=app", StringComparison.Ordinal),
            "run" => ChiseledFinal.Replace("-noble-chiseled", "-noble", StringComparison.Ordinal).Replace("ENTRYPOINT", "RUN chown app app.db\nUSER app\nENTRYPOINT", StringComparison.Ordinal),
            _ => ChiseledFinal,
        };
        Assert.That(Findings(dockerfile, Test().WithProject("/src/App/App.csproj", project)), Is.Empty);
    }

    // A compose service for another Dockerfile changes nothing.
    [Test]
    public void ComposeServiceOfAnotherDockerfile_StillReported()
        => Assert.That(Findings(UserAfterWorkdir, Test().WithCompose("services:\n  db:\n    image: postgres\n    user: root\n    volumes:\n      - data:/app\n")), Has.Count.EqualTo(1));

    // The environment the image sets replaces appsettings.
    [TestCase("ENV ConnectionStrings__Default=\"Data Source=/tmp/app.db\"\n", 0)]
    [TestCase("ENV ConnectionStrings__Default=\"Data Source=/app/data.db\"\n", 1)]
    [TestCase("ENV ConnectionStrings__Default=$DB\n", 0)]
    [TestCase("ENV ASPNETCORE_ENVIRONMENT=Staging\n", 1)]
    public void EnvironmentOfTheImage(string env, int expected)
        => Assert.That(Findings(UserAfterWorkdir.Replace("ENTRYPOINT", env + "ENTRYPOINT", StringComparison.Ordinal)), Has.Count.EqualTo(expected));

    // An ENV built from a build argument holds its default, unless a compose service that runs the image passes the argument.
    [Test]
    public void EnvironmentFromABuildArgument()
    {
        var dockerfile = UserAfterWorkdir.Replace("USER $APP_UID\n", "ARG DB=\"Data Source=app.db\"\nENV ConnectionStrings__Default=$DB\nUSER $APP_UID\n", StringComparison.Ordinal);
        Assert.That(Findings(dockerfile, Test(appSettings: "{}")), Has.Count.EqualTo(1));
        Assert.That(Findings(dockerfile, Test(appSettings: "{}").WithCompose("services:\n  web:\n    build:\n      context: .\n      args:\n        DB: Data Source=/data/app.db\n")), Is.Empty);
    }

    // Connection strings that are not a SQLite file the app writes, or that the package cannot read.
    [TestCase("Data Source=:memory:")]
    [TestCase("Data Source=app.db;Mode=ReadOnly")]
    [TestCase("Data Source=app.db;Mode=Memory")]
    [TestCase("Server=db;Data Source=app;Initial Catalog=shop")]
    [TestCase("Data Source=|DataDirectory|app.db")]
    [TestCase("Data Source=file:app.db?mode=rwc")]
    [TestCase("Data Source=\\\"app.db\\\"")]
    [TestCase("")]
    public void ConnectionStringsItCannotPlace_NoDiagnostic(string connection)
        => Assert.That(Findings(UserAfterWorkdir, Test(appSettings: "{ \"ConnectionStrings\": { \"Default\": \"" + connection + "\" } }")), Is.Empty);

    // A file the code writes by a literal path, relative to the working directory or absolute.
    [TestCase("notes.txt", "'/app/notes.txt'")]
    [TestCase("/app/out/report.csv", null)]
    [TestCase("/report.csv", "'/report.csv'")]
    public void FileTheCodeWrites(string path, string? reported)
    {
        var findings = Findings(UserAfterWorkdir, Test(new CodeSource(CodeEndpoints.None, fileWrites: new[] { (path, "Notes.cs:4") })));
        Assert.That(findings.Select(f => f.GetMessage()), reported is null ? Is.Empty : Has.One.StartsWith($"The app writes {reported} (a file its code writes at Notes.cs:4)").And.One.Contains("the write throws UnauthorizedAccessException"));
    }

    // The database and a file in the same root-owned folder: one finding, at the WORKDIR that made it.
    [Test]
    public void TwoWritesInOneFolder_OneFinding()
    {
        var source = new CodeSource(CodeEndpoints.None, sqlite: new SqliteUse(new[] { new SqliteOpening("UseSqlite", "Program.cs:9", "Default", null) }, "SaveChanges"), fileWrites: new[] { ("notes.txt", "Notes.cs:4") });
        Assert.That(Findings(UserAfterWorkdir, Test(source)).Select(f => f.GetMessage()), Has.One.StartsWith("The app writes '/app/app.db'"));
    }

    // Paths the container cannot read as written: Windows paths, the home folder's shorthand, variables, a folder.
    [TestCase("C:\\data\\notes.txt")]
    [TestCase("~/notes.txt")]
    [TestCase("%TEMP%/notes.txt")]
    [TestCase("logs/")]
    public void FilePathsItCannotPlace_NoDiagnostic(string path)
        => Assert.That(Findings(UserAfterWorkdir, Test(new CodeSource(CodeEndpoints.None, fileWrites: new[] { (path, "Notes.cs:4") }))), Is.Empty);

    [Test]
    public void UnknownOrMissingEvidence_NoDiagnostic()
    {
        Assert.That(Findings(UserAfterWorkdir, Test(CodeSource.SqliteDatabase(write: null))), Is.Empty, "the code only reads");
        Assert.That(Findings(UserAfterWorkdir, Test(CodeSource.SqliteDatabase(name: null))), Is.Empty, "the code passes something the search cannot follow");
        Assert.That(Findings(UserAfterWorkdir, Test(CodeSource.SqliteDatabase(name: "Other"))), Is.Empty, "no such connection string");
        Assert.That(Findings(UserAfterWorkdir, Test(CodeSource.None)), Is.Empty, "no SQLite");
        Assert.That(Findings(UserAfterWorkdir, Test(appSettings: "{ \"ConnectionStrings\": [ \"Data Source=app.db\" ] }")), Is.Empty, "connection strings the reader cannot follow");
    }

    // The host that hands no compose files cannot say what compose does with the image.
    [Test]
    public void ComposeFilesUnknown_NoDiagnostic()
    {
        var analysis = new DockerfileAnalysis(DockerfileModel.Create(DockerfileParser.Parse(UserAfterWorkdir)), EngineTest.ForApp("net10.0").Facts, CodeSource.SqliteDatabase())
        {
            AppSettings = new[] { Projects.AppSettingsReader.Read("appsettings.json", AppSettings)! },
            DockerfilePath = "/src/App/Dockerfile",
        };
        Assert.That(new CTR0039FolderNotWritableRule().Analyze(analysis), Is.Empty);
    }

    [Test]
    public void TheRuleIsInTheTable() => Assert.That(AllRules.DockerfileRules.OfType<CTR0039FolderNotWritableRule>(), Is.Not.Empty);
}

/// <summary>The files a project copies to its output, which CTR0039 weighs as shipped with the app.</summary>
[TestFixture]
public sealed class CopiedFilesTests
{
    [TestCase("<Project><ItemGroup><None Update=\"app.db\" CopyToOutputDirectory=\"PreserveNewest\" /></ItemGroup></Project>", "app.db")]
    [TestCase("<Project><ItemGroup><Content Include=\"Data\\seed.db\"><CopyToPublishDirectory>Always</CopyToPublishDirectory></Content></ItemGroup></Project>", "Data/seed.db")]
    [TestCase("<Project><ItemGroup><None Update=\"app.db\" CopyToOutputDirectory=\"Never\" /></ItemGroup></Project>", null)]
    [TestCase("<Project><ItemGroup><None Include=\"$(Db)\" CopyToOutputDirectory=\"Always\" /></ItemGroup></Project>", null)]
    [TestCase("<Project><ItemGroup><None Include=\"*.db\" CopyToOutputDirectory=\"Always\" /></ItemGroup></Project>", null)]
    [TestCase("<Project><ItemGroup><None Update=\"app.db\" CopyToOutputDirectory=\"Always\"</ItemGroup>", null)]
    [TestCase("CopyTo, but not XML", null)]
    public void Read(string projectText, string? copied)
        => Assert.That(Projects.CopiedFiles.Read(projectText), copied is null ? Is.Empty : Is.EqualTo(new[] { copied }));
}

/// <summary>The ownership model CTR0039 stands on, instruction by instruction (checked against buildah builds; see the rule's docs).</summary>
[TestFixture]
public sealed class FolderOwnershipTests
{
    private static FolderOwner Owner(string final, string folder, string image = "mcr.microsoft.com/dotnet/aspnet:10.0-noble")
    {
        var model = DockerfileModel.Create(DockerfileParser.Parse($"FROM {image}\n{final}"));
        return FolderOwnership.Of(model.FinalStage!, DotnetImage.TryClassify(ImageReference.TryParse(image)!)!, folder);
    }

    [TestCase("WORKDIR /app\nUSER app\n", "/app", FolderOwnerKind.Root, "root")]
    [TestCase("USER app\nWORKDIR /app\n", "/app", FolderOwnerKind.Account, "app")]
    [TestCase("USER $APP_UID\nWORKDIR /app\nCOPY . .\n", "/app", FolderOwnerKind.Account, "app")]
    [TestCase("WORKDIR /app\nUSER app\nWORKDIR /app\n", "/app", FolderOwnerKind.Root, "root")]
    [TestCase("USER app\nWORKDIR /srv/app\n", "/srv", FolderOwnerKind.Unknown, null)]
    [TestCase("WORKDIR /srv/app\n", "/srv", FolderOwnerKind.Root, "root")]
    [TestCase("COPY . /app/\n", "/app", FolderOwnerKind.Root, "root")]
    [TestCase("COPY . /app/sub/\n", "/app", FolderOwnerKind.Root, "root")]
    [TestCase("COPY . /app/\n", "/app/data", FolderOwnerKind.Unknown, null)]
    [TestCase("COPY --chown=app . /app/\n", "/app", FolderOwnerKind.Unknown, null)]
    [TestCase("WORKDIR /app\nCOPY --chown=app . .\n", "/app", FolderOwnerKind.Unknown, null)]
    [TestCase("COPY --chmod=777 . /app/\n", "/app", FolderOwnerKind.Unknown, null)]
    [TestCase("WORKDIR /app\nRUN chown app .\n", "/app", FolderOwnerKind.Unknown, null)]
    [TestCase("WORKDIR /app\nRUN apt-get update\n", "/app", FolderOwnerKind.Root, "root")]
    [TestCase("WORKDIR /app\nVOLUME /app\n", "/app", FolderOwnerKind.Unknown, null)]
    [TestCase("", "/", FolderOwnerKind.Root, "root")]
    [TestCase("", "/tmp", FolderOwnerKind.Everyone, null)]
    [TestCase("", "/home/app", FolderOwnerKind.Account, "app")]
    [TestCase("", "/app", FolderOwnerKind.Unknown, null)]
    public void OwnerOf(string instructions, string folder, FolderOwnerKind kind, string? account)
    {
        var owner = Owner(instructions, folder);
        Assert.That((owner.Kind, owner.Account), Is.EqualTo((kind, account)));
    }

    [Test]
    public void TheChiseledImageStartsAsApp()
        => Assert.That(Owner("WORKDIR /app\n", "/app", "mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled").Kind, Is.EqualTo(FolderOwnerKind.Account));

    [Test]
    public void AStageBuiltOnAnotherCarriesItsFolders()
    {
        var model = DockerfileModel.Create(DockerfileParser.Parse("FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble AS base\nWORKDIR /app\n\nFROM base AS final\nUSER app\nWORKDIR /app\n"));
        var owner = FolderOwnership.Of(model.FinalStage!, DotnetImage.TryClassify(ImageReference.TryParse("mcr.microsoft.com/dotnet/aspnet:10.0-noble")!)!, "/app");
        Assert.That((owner.Kind, owner.MadeBy?.Index), Is.EqualTo((FolderOwnerKind.Root, model.Stages[0].Instructions[0].Index)));
    }
}

/// <summary>CTR0039 through the analyzer: the compilation's code, its reference to Microsoft.Data.Sqlite, and the project's appsettings.</summary>
[TestFixture]
public sealed class CTR0039FromTheCompilationTests
{
    private const string Dockerfile = "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nWORKDIR /src\nCOPY . .\nRUN dotnet publish -c Release -o /app/publish\n\n"
        + "FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble\n{|CTR0039:WORKDIR /app|}\nCOPY --from=build /app/publish .\nUSER $APP_UID\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n";

    // The shapes of EF Core's and configuration's APIs the search reads by name (it asks no symbols).
    private const string Shapes = "public sealed class DbOptions { public DbOptions UseSqlite(string connectionString) => this; }\n"
        + "public sealed class Configuration { public string? GetConnectionString(string name) => null; }\n";

    // The web template with Individual accounts: the connection string through a local with ?? throw, saved by Identity's stores.
    private const string Template = Shapes + "public static class Startup\n{\n"
        + "    public static void Configure(Configuration configuration, DbOptions options)\n    {\n"
        + "        var connectionString = configuration.GetConnectionString(\"DefaultConnection\") ?? throw new System.InvalidOperationException(\"no connection string\");\n"
        + "        options.UseSqlite(connectionString);\n    }\n\n"
        + "    public static void Stores() => AddEntityFrameworkStores();\n\n    private static void AddEntityFrameworkStores() { }\n}\n";

    private const string AppSettings = "{\n  \"ConnectionStrings\": {\n    \"DefaultConnection\": \"DataSource=app.db;Cache=Shared\"\n  }\n}\n";

    private static DockerfileAnalyzerTest<CTR0039FolderNotWritableRule> Test(string source, bool sqlite = true)
    {
        var test = DockerfileAnalyzerTest<CTR0039FolderNotWritableRule>.ForApp("net10.0").WithSource(source).WithAppSettings(AppSettings);
        return sqlite ? test.WithReference(MicrosoftDataSqlite()) : test;
    }

    [Test]
    public Task TheTemplatesDatabase_Reported() => Test(Template).WithDockerfile(Dockerfile).RunAsync();

    [Test]
    public Task NoReferenceToMicrosoftDataSqlite_NoDiagnostic() => Test(Template, sqlite: false).WithDockerfile(Unmarked(Dockerfile)).RunAsync();

    [Test]
    public Task CodeThatNeverWrites_NoDiagnostic() => Test(Template.Replace("AddEntityFrameworkStores", "AddStores", StringComparison.Ordinal)).WithDockerfile(Unmarked(Dockerfile)).RunAsync();

    [Test]
    public Task AConnectionStringTheCodeComputes_NoDiagnostic()
        => Test(Template.Replace("configuration.GetConnectionString(\"DefaultConnection\")", "System.Environment.GetEnvironmentVariable(\"DB\")", StringComparison.Ordinal)).WithDockerfile(Unmarked(Dockerfile)).RunAsync();

    // System.IO.File's writers by their symbol; a method of the same name elsewhere is not one.
    [TestCase("public static class Notes { public static void Save() => System.IO.File.WriteAllText(\"notes.txt\", \"paid\"); }", true)]
    [TestCase("public static class Notes { public static void Save() => System.IO.File.AppendAllLines(path: \"/app/notes.txt\", contents: new[] { \"paid\" }); }", true)]
    [TestCase("public static class Notes { public static void Save() => WriteAllText(\"notes.txt\", \"paid\"); private static void WriteAllText(string path, string text) { } }", false)]
    [TestCase("public static class Notes { public static void Save(string path) => System.IO.File.WriteAllText(path, \"paid\"); }", false)]
    // Issue 26: a path that can be no constant is not asked about; a constant's name still is.
    [TestCase("public static class Notes { private const string Path = \"notes.txt\"; public static void Save() => System.IO.File.WriteAllText(Path, \"paid\"); }", true)]
    [TestCase("public static class Notes { public static void Save() => System.IO.File.WriteAllText(System.IO.Path.Combine(\"a\", \"notes.txt\"), \"paid\"); }", false)]
    public Task FileWrites(string source, bool reported)
        => DockerfileAnalyzerTest<CTR0039FolderNotWritableRule>.ForApp("net10.0").WithSource(source).WithDockerfile(reported ? Dockerfile : Unmarked(Dockerfile)).RunAsync();

    private static string Unmarked(string markup) => markup.Replace("{|CTR0039:", string.Empty, StringComparison.Ordinal).Replace("|}", string.Empty, StringComparison.Ordinal);

    /// <summary>An assembly named Microsoft.Data.Sqlite, as the package reference brings.</summary>
    internal static Microsoft.CodeAnalysis.MetadataReference MicrosoftDataSqlite()
    {
        var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("namespace Microsoft.Data.Sqlite { public sealed class SqliteConnection { public SqliteConnection(string connectionString) { } public int ExecuteNonQuery() => 0; } }");
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Microsoft.Data.Sqlite", new[] { tree }, NetReferenceAssemblies.Net80, new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        Assert.That(compilation.Emit(image).Success, Is.True);
        return Microsoft.CodeAnalysis.MetadataReference.CreateFromImage(image.ToArray());
    }
}
