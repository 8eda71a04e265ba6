using System.Text;
using BenchmarkDotNet.Attributes;
using ContainerAnalyzers.Projects;
using ContainerAnalyzers.Rules;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;

namespace ContainerAnalyzers.Benchmarks;

/// <summary>
/// Parse alone, and the full analysis an IDE keystroke costs: parse, semantic model and every rule (with
/// suppression) against a web project's facts, with nothing cached.
/// </summary>
public class AnalysisBenchmarks
{
    private static readonly ProjectFacts Project = ProjectFacts.Create(
        name => name switch
        {
            "MSBuildProjectFullPath" => "/repo/src/App/App.csproj",
            "MSBuildProjectName" => "App",
            "TargetFramework" => "net10.0",
            "OutputType" => "Exe",
            "UsingMicrosoftNETSdkWeb" => "true",
            _ => null,
        },
        "/repo/src/App/App.csproj",
        "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>");

    private string _text = string.Empty;

    /// <summary>The corpus folder (files are relative to it), or null for synthetic inputs named by size.</summary>
    public static string? Root { get; set; }

    public static string[] Inputs { get; set; } = Array.Empty<string>();

    [ParamsSource(nameof(InputNames))]
    public string Input { get; set; } = string.Empty;

    public IEnumerable<string> InputNames => Inputs;

    [GlobalSetup]
    public void Setup() => _text = Root is null ? Synthetic(Input) : File.ReadAllText(Path.Combine(Root, Input));

    [Benchmark]
    public DockerfileSyntaxTree Parse() => DockerfileParser.Parse(_text);

    [Benchmark]
    public int FullAnalysis()
    {
        var analysis = new DockerfileAnalysis(DockerfileModel.Create(DockerfileParser.Parse(_text)), Project, hasDockerIgnore: true);
        var findings = 0;
        foreach (var rule in AllRules.DockerfileRules)
        {
            findings += rule.Analyze(analysis).Count;
        }

        return findings;
    }

    /// <summary>A typical multi-stage .NET Dockerfile, repeated (stages renamed) up to the size.</summary>
    public static string Synthetic(string size)
    {
        var target = size switch { "1 KB" => 1024, "100 KB" => 100 * 1024, "1 MB" => 1024 * 1024, _ => 10 * 1024 * 1024 };
        var builder = new StringBuilder("# syntax=docker/dockerfile:1\nARG DOTNET_VERSION=10.0\n");
        for (var i = 0; builder.Length < target; i++)
        {
            builder.Append($$"""
                # Build stage {{i}}
                FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION}-noble AS build{{i}}
                ARG TARGETARCH
                WORKDIR /source
                COPY App.csproj .
                RUN dotnet restore -a $TARGETARCH
                COPY . .
                RUN dotnet publish -c Release -a $TARGETARCH --no-restore -o /app \
                    && echo published

                FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-extra AS final{{i}}
                ENV ASPNETCORE_HTTP_PORTS=8080 LANG=en_US.UTF-8
                LABEL org.opencontainers.image.source="https://example.com/repo"
                WORKDIR /app
                COPY --from=build{{i}} /app .
                EXPOSE 8080
                USER $APP_UID
                ENTRYPOINT ["dotnet", "App.dll"]

                """);
        }

        return builder.ToString();
    }
}
