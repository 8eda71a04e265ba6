namespace ContainerAnalyzers.Tests.Rules.Compose;

/// <summary>Dockerfiles the compose rule tests build, for the project /src/App/App.csproj.</summary>
internal static class ComposeTexts
{
    public const string Builder = "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nCOPY App.csproj ./\nRUN dotnet restore\nCOPY . .\nRUN dotnet publish -c Release -o /app/publish\n\n";

    public static string OnImage(string image, string extra = "") => Builder + $"FROM {image}\nWORKDIR /app\n{extra}COPY --from=build /app/publish .\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n";

    public static readonly string Aspnet8 = OnImage("mcr.microsoft.com/dotnet/aspnet:8.0");

    public static readonly string Chiseled8 = OnImage("mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled");

    public static readonly string Aspnet6 = OnImage("mcr.microsoft.com/dotnet/aspnet:6.0");

    /// <summary>A compose file whose service 'web' builds the Dockerfile next to it, with more lines under the service.</summary>
    public static string Service(string lines) => "services:\n  web:\n    build: .\n" + string.Concat(lines.Split('\n').Select(l => l.Length == 0 ? string.Empty : "    " + l + "\n"));
}
