using ContainerAnalyzers.Tests.Infrastructure;

namespace ContainerAnalyzers.Tests.Containers;

/// <summary>
/// A small app of one of the kinds the fixes support, written to disk with the bad Dockerfile a user starts from:
/// one stage, on the SDK image. <see cref="Expected"/> is what the running container must show: a line it prints,
/// or the body of its HTTP answer.
/// </summary>
internal sealed record ContainerApp(string Kind, string ProjectPath, bool IsWeb, string Expected, IReadOnlyDictionary<string, string> Files)
{
    /// <summary>The FixDockerfile mode the case asks for: the minimal edit, or regeneration where there is no publish to keep.</summary>
    public string FixMode { get; init; } = "minimal";

    // The analyzer package is a development dependency restored from this run's local feed, which a container build
    // cannot reach; from nuget.org it would restore in the image like any package. DOTNET_RUNNING_IN_CONTAINER is set
    // by the .NET images.
    private static string AnalyzerReference => $"""<PackageReference Include="ContainerAnalyzers" Version="{AnalyzerPackage.Version}" PrivateAssets="all" Condition="'$(DOTNET_RUNNING_IN_CONTAINER)' != 'true'" />""";

    private const string SingleStageDockerfile = """
        FROM mcr.microsoft.com/dotnet/sdk:10.0
        WORKDIR /app
        COPY . .
        RUN dotnet publish -c Release -o out
        ENTRYPOINT ["dotnet", "out/{0}.dll"]
        """;

    public static IEnumerable<ContainerApp> All()
    {
        yield return Web();
        yield return Console();
        yield return Worker();
        yield return SelfContained();
        yield return NativeAot();
        yield return WebWithProjectReference();
        yield return ConsoleRunFromSources();
        yield return RestoreLayerWithoutBuildProps();
    }

    // Issue 24, case 2: the TargetFramework lives in Directory.Build.props, and the restore layer copies only the project
    // file, so the image build failed with NETSDK1013. FixDockerfile's default mode applies CTR0045's own fix.
    public static ContainerApp RestoreLayerWithoutBuildProps() => new("restore layer + Directory.Build.props", "Props/Props.csproj", IsWeb: false, "hello from the build props", new Dictionary<string, string>
    {
        ["Props/Directory.Build.props"] = """
            <Project>
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
            </Project>
            """,
        ["Props/Props.csproj"] = $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
              </PropertyGroup>
              <ItemGroup>
                {AnalyzerReference}
              </ItemGroup>
            </Project>
            """,
        ["Props/Program.cs"] = """System.Console.WriteLine("hello from the build props");""",
        ["Props/Dockerfile"] = """
            FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
            WORKDIR /src
            COPY ["Props.csproj", "./"]
            RUN dotnet restore "Props.csproj"
            COPY . .
            RUN dotnet publish "Props.csproj" -c Release -o /app/publish

            FROM mcr.microsoft.com/dotnet/runtime:10.0-noble-chiseled-extra
            WORKDIR /app
            COPY --from=build /app/publish .
            ENTRYPOINT ["dotnet", "Props.dll"]
            """,
    });

    // The image ran the sources with `dotnet run` (issue 16): the rewrite publishes in a builder, and the final image
    // holds the publish output only, no .cs or .csproj (AssertDistroless lists its files).
    public static ContainerApp ConsoleRunFromSources() => new("console (dotnet run)", "Runner/Runner.csproj", IsWeb: false, "hello from dotnet run", new Dictionary<string, string>
    {
        ["Runner/Runner.csproj"] = Project("Microsoft.NET.Sdk", "<OutputType>Exe</OutputType>"),
        ["Runner/Program.cs"] = """System.Console.WriteLine("hello from dotnet run");""",
        ["Runner/Dockerfile"] = """
            FROM mcr.microsoft.com/dotnet/sdk:10.0
            WORKDIR /src
            COPY . .
            ENTRYPOINT ["dotnet", "run", "--project", "Runner.csproj"]
            """,
    })
    {
        // No publish to keep: only the rewrite applies, and it runs when asked for.
        FixMode = "regenerate",
    };

    public static ContainerApp Web() => new("web", "Web/Web.csproj", IsWeb: true, "hello from web", new Dictionary<string, string>
    {
        ["Web/Web.csproj"] = Project("Microsoft.NET.Sdk.Web", string.Empty),
        ["Web/Program.cs"] = """
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapGet("/", () => "hello from web");
            app.Run();
            """,
        ["Web/Dockerfile"] = Dockerfile("Web"),
    });

    /// <summary>A web app that signs a user in with a cookie (/login) and says who the cookie is for (/me), on a chiseled image.</summary>
    public static ContainerApp CookieSignIn() => new("web (cookie sign-in)", "Keys/Keys.csproj", IsWeb: true, "hello alice", new Dictionary<string, string>
    {
        ["Keys/Keys.csproj"] = Project("Microsoft.NET.Sdk.Web", string.Empty),
        ["Keys/Program.cs"] = """
            using System.Security.Claims;
            using Microsoft.AspNetCore.Authentication;
            using Microsoft.AspNetCore.Authentication.Cookies;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
            var app = builder.Build();
            app.UseAuthentication();
            app.MapGet("/login", async (HttpContext context) =>
            {
                await context.SignInAsync(new ClaimsPrincipal(new ClaimsIdentity(new[] { new Claim(ClaimTypes.Name, "alice") }, CookieAuthenticationDefaults.AuthenticationScheme)));
                return "signed in";
            });
            app.MapGet("/me", (HttpContext context) => context.User.Identity?.IsAuthenticated == true ? Results.Text("hello " + context.User.Identity.Name) : Results.StatusCode(401));
            app.Run();
            """,
        ["Keys/Dockerfile"] = """
            FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
            WORKDIR /src
            COPY Keys.csproj .
            RUN dotnet restore
            COPY . .
            RUN dotnet publish -c Release -o /app/publish

            FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled
            WORKDIR /app
            COPY --from=build /app/publish .
            ENTRYPOINT ["dotnet", "Keys.dll"]
            """,
        ["Keys/.dockerignore"] = "**/bin/\n**/obj/\n",
        ["Keys/compose.yaml"] = "services:\n  web:\n    build: .\n    deploy:\n      replicas: 2\n",
    });

    public static ContainerApp Console() => new("console", "Hello/Hello.csproj", IsWeb: false, "hello from console", new Dictionary<string, string>
    {
        ["Hello/Hello.csproj"] = Project("Microsoft.NET.Sdk", "<OutputType>Exe</OutputType>"),
        ["Hello/Program.cs"] = """System.Console.WriteLine("hello from console");""",
        ["Hello/Dockerfile"] = Dockerfile("Hello"),
    });

    // Issue 28's CTR0037: a console app that converts a time into a named zone, which needs the time-zone database.
    public static ContainerApp TimeZones() => new("console (time zones)", "Clock/Clock.csproj", IsWeb: false, "Europe/Paris", new Dictionary<string, string>
    {
        ["Clock/Clock.csproj"] = Project("Microsoft.NET.Sdk", "<OutputType>Exe</OutputType>"),
        ["Clock/Program.cs"] = """
            var paris = System.TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
            System.Console.WriteLine(paris.Id + " " + System.TimeZoneInfo.ConvertTimeFromUtc(new System.DateTime(2026, 7, 1, 12, 0, 0, System.DateTimeKind.Utc), paris).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
            """,
        ["Clock/Dockerfile"] = Dockerfile("Clock"),
    });

    // Issue 28's CTR0038: a console app that formats a price in a named culture, which invariant mode refuses (.NET 8+).
    public static ContainerApp Cultures() => new("console (cultures)", "Shop/Shop.csproj", IsWeb: false, "de-DE", new Dictionary<string, string>
    {
        ["Shop/Shop.csproj"] = Project("Microsoft.NET.Sdk", "<OutputType>Exe</OutputType>"),
        ["Shop/Program.cs"] = """
            var german = new System.Globalization.CultureInfo("de-DE");
            System.Console.WriteLine(german.Name + " " + 1234.5m.ToString("N2", german));
            """,
        ["Shop/Dockerfile"] = Dockerfile("Shop"),
    });

    // The Worker SDK's hosted service prints its line and stops the host, so the container exits 0.
    /// <summary>A console app that writes a SQLite database in its working directory (CTR0039).</summary>
    public static ContainerApp Ledger() => new("console (SQLite)", "Ledger/Ledger.csproj", IsWeb: false, "ledger rows 1", LedgerFiles(shipsItsDatabase: false));

    /// <summary>
    /// The same app shipping its (empty) database with the app, as the Identity templates ship app.db, on the chiseled
    /// image: /app is the app user's, the copied ledger.db root's.
    /// </summary>
    public static ContainerApp LedgerShippingItsDatabase() => new("console (SQLite, shipped database)", "Ledger/Ledger.csproj", IsWeb: false, "ledger rows 1", LedgerFiles(shipsItsDatabase: true));

    private static Dictionary<string, string> LedgerFiles(bool shipsItsDatabase)
    {
        var files = new Dictionary<string, string>
        {
            ["Ledger/Ledger.csproj"] = Project("Microsoft.NET.Sdk", "<OutputType>Exe</OutputType>", """<PackageReference Include="Microsoft.Data.Sqlite" Version="10.0.15" />"""
                + (shipsItsDatabase ? """<None Update="ledger.db" CopyToOutputDirectory="PreserveNewest" />""" : string.Empty)),
            ["Ledger/Program.cs"] = """
                using Microsoft.Data.Sqlite;

                using var connection = new SqliteConnection("Data Source=ledger.db");
                connection.Open();
                foreach (var statement in new[] { "CREATE TABLE IF NOT EXISTS entries (amount REAL)", "INSERT INTO entries VALUES (12.5)" })
                {
                    using var write = connection.CreateCommand();
                    write.CommandText = statement;
                    write.ExecuteNonQuery();
                }

                using var count = connection.CreateCommand();
                count.CommandText = "SELECT COUNT(*) FROM entries";
                Console.WriteLine("ledger rows " + count.ExecuteScalar());
                """,
            ["Ledger/.dockerignore"] = "bin/\nobj/\n",
            ["Ledger/Dockerfile"] = shipsItsDatabase ? ChiseledFinal("Ledger") : UserAfterWorkdir("Ledger"),
        };
        if (shipsItsDatabase)
        {
            // An empty file is an empty SQLite database.
            files["Ledger/ledger.db"] = string.Empty;
        }

        return files;
    }

    /// <summary>A console app that writes a file by a literal path in its working directory (CTR0039).</summary>
    public static ContainerApp Notes() => new("console (file write)", "Notes/Notes.csproj", IsWeb: false, "notes saved", new Dictionary<string, string>
    {
        ["Notes/Notes.csproj"] = Project("Microsoft.NET.Sdk", "<OutputType>Exe</OutputType>"),
        ["Notes/Program.cs"] = """
            File.WriteAllText("notes.txt", "paid");
            Console.WriteLine("notes saved");
            """,
        ["Notes/.dockerignore"] = "bin/\nobj/\n",
        ["Notes/Dockerfile"] = UserAfterWorkdir("Notes"),
    });

    // The chiseled image runs as app from the start: WORKDIR makes /app the app user's; COPY makes the app's files root's.
    private static string ChiseledFinal(string assemblyName) => $$"""
        FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
        WORKDIR /src
        COPY . .
        RUN dotnet publish -c Release -o /app/publish

        FROM mcr.microsoft.com/dotnet/runtime:10.0-noble-chiseled
        WORKDIR /app
        COPY --from=build /app/publish .
        ENTRYPOINT ["dotnet", "{{assemblyName}}.dll"]
        """;

    // WORKDIR makes /app while the stage is root, and USER comes after it: the app user cannot create files in /app.
    private static string UserAfterWorkdir(string assemblyName) => $$"""
        FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
        WORKDIR /src
        COPY . .
        RUN dotnet publish -c Release -o /app/publish

        FROM mcr.microsoft.com/dotnet/runtime:10.0-noble
        WORKDIR /app
        COPY --from=build /app/publish .
        USER $APP_UID
        ENTRYPOINT ["dotnet", "{{assemblyName}}.dll"]
        """;

    public static ContainerApp Worker() => new("worker", "Worker/Worker.csproj", IsWeb: false, "hello from worker", new Dictionary<string, string>
    {
        ["Worker/Worker.csproj"] = Project("Microsoft.NET.Sdk.Worker", string.Empty, """<PackageReference Include="Microsoft.Extensions.Hosting" Version="10.0.12" />"""),
        ["Worker/Program.cs"] = """
            var builder = Host.CreateApplicationBuilder(args);
            builder.Services.AddHostedService<Once>();
            builder.Build().Run();

            internal sealed class Once(IHostApplicationLifetime lifetime) : BackgroundService
            {
                protected override Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    System.Console.WriteLine("hello from worker");
                    lifetime.StopApplication();
                    return Task.CompletedTask;
                }
            }
            """,
        ["Worker/Dockerfile"] = Dockerfile("Worker"),
    });

    // Self-contained, with culture data in use: the runtime comes from the app, ICU from the image (-extra).
    public static ContainerApp SelfContained() => new("self-contained", "Standalone/Standalone.csproj", IsWeb: false, "hello from self-contained 1 234,50", new Dictionary<string, string>
    {
        ["Standalone/Standalone.csproj"] = Project("Microsoft.NET.Sdk", "<OutputType>Exe</OutputType><SelfContained>true</SelfContained>"),
        ["Standalone/Program.cs"] = """
            var french = new System.Globalization.CultureInfo("fr-FR");
            System.Console.WriteLine("hello from self-contained " + 1234.5.ToString("N2", french).Replace('\u202F', ' ').Replace('\u00A0', ' '));
            """,
        ["Standalone/Dockerfile"] = Dockerfile("Standalone"),
    });

    public static ContainerApp NativeAot() => new("native AOT", "Native/Native.csproj", IsWeb: false, "hello from native AOT", new Dictionary<string, string>
    {
        ["Native/Native.csproj"] = Project("Microsoft.NET.Sdk", "<OutputType>Exe</OutputType><PublishAot>true</PublishAot><InvariantGlobalization>true</InvariantGlobalization>"),
        ["Native/Program.cs"] = """System.Console.WriteLine("hello from native AOT");""",
        ["Native/Dockerfile"] = Dockerfile("Native"),
    })
    {
        // The kept builder has no native toolchain (CTR0028): only the rewrite, asked for, fixes that.
        FixMode = "regenerate",
    };

    // A solution layout: the web project references a library beside it, and a Directory.Build.props at the root
    // applies to both. The build context must be the root.
    public static ContainerApp WebWithProjectReference() => new("web + ProjectReference", "src/Api/Api.csproj", IsWeb: true, "hello from a referenced project", new Dictionary<string, string>
    {
        ["Directory.Build.props"] = """
            <Project>
              <PropertyGroup>
                <Nullable>enable</Nullable>
              </PropertyGroup>
            </Project>
            """,
        ["src/Greetings/Greetings.csproj"] = """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
            </Project>
            """,
        ["src/Greetings/Greeting.cs"] = """
            namespace Greetings;

            public static class Greeting
            {
                public static string Text => "hello from a referenced project";
            }
            """,
        ["src/Api/Api.csproj"] = Project("Microsoft.NET.Sdk.Web", string.Empty, """<ProjectReference Include="../Greetings/Greetings.csproj" />"""),
        ["src/Api/Program.cs"] = """
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapGet("/", () => Greetings.Greeting.Text);
            app.Run();
            """,
        ["src/Api/Dockerfile"] = Dockerfile("Api"),
    })
    {
        // The kept builder publishes from the project's folder, where the referenced project is missing: only the
        // rewrite, asked for, widens the context.
        FixMode = "regenerate",
    };

    /// <summary>Writes the app under <paramref name="root"/> and returns the project's full path.</summary>
    public string WriteTo(string root)
    {
        foreach (var (path, text) in Files)
        {
            var full = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text.ReplaceLineEndings("\n") + "\n");
        }

        return Path.Combine(root, ProjectPath);
    }

    public override string ToString() => Kind;

    private static string Dockerfile(string assemblyName) => SingleStageDockerfile.Replace("{0}", assemblyName, StringComparison.Ordinal);

    private static string Project(string sdk, string properties, string items = "") => $"""
        <Project Sdk="{sdk}">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            {properties}
          </PropertyGroup>
          <ItemGroup>
            {AnalyzerReference}
            {items}
          </ItemGroup>
        </Project>
        """;
}
