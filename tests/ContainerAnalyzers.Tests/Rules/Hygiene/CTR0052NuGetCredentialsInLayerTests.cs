using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules.Hygiene;

/// <summary>CTR0052 (issue 28): a NuGet feed's password given to dotnet nuget add source lands in a layer and the history.</summary>
[TestFixture]
public sealed class CTR0052NuGetCredentialsInLayerTests
{
    private const string AddSource = "dotnet nuget add source https://pkgs.example.com/v3/index.json --name acme --username build --password \"$FEED_TOKEN\" --store-password-in-clear-text";

    private static DockerfileAnalyzerTest<CTR0052NuGetCredentialsInLayerRule> Test() => DockerfileAnalyzerTest<CTR0052NuGetCredentialsInLayerRule>.ForApp("net10.0");

    [Test]
    public Task InTheFinalImage_Warning() => Test()
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:10.0\nARG FEED_TOKEN\n{|CTR0052:RUN|} " + AddSource + "\nRUN dotnet publish -o /app\nENTRYPOINT [\"dotnet\", \"/app/App.dll\"]\n")
        .RunAsync();

    [Test]
    public Task InABuilderStage_Info() => Test()
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nARG FEED_TOKEN\nRUN " + AddSource + " && dotnet publish -o /app\n\nFROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled\nCOPY --from=build /app .\n")
        .WithExpected(new DiagnosticResult("CTR0052", DiagnosticSeverity.Info).WithSpan("/src/App/Dockerfile", 3, 1, 3, 4)
            .WithArguments("the user's NuGet.Config by this RUN ('dotnet nuget add source' with a password), and with the command in the image's history", " of the stage 'build', which stays in the build cache and in any image built from that stage"))
        .RunAsync();

    [TestCase("RUN dotnet nuget update source acme -u build -p s3cret --store-password-in-clear-text")]
    [TestCase("RUN dotnet nuget add source https://pkgs.example.com/v3/index.json -n acme --password=s3cret")]
    public Task OtherSpellings_Reported(string run) => Test()
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:10.0\n{|CTR0052:RUN|}" + run.Substring(3) + "\n")
        .RunAsync();

    [TestCase("RUN dotnet nuget add source https://api.nuget.org/v3/index.json --name nuget.org")]
    [TestCase("RUN --mount=type=secret,id=nugetconfig dotnet restore --configfile /run/secrets/nugetconfig")]
    [TestCase("RUN dotnet nuget list source")]
    public Task NoPassword_NoDiagnostic(string run) => Test()
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:10.0\n" + run + "\n")
        .RunAsync();

    // A token written into a nuget.config by the RUN itself (issue 28), and not removed before the layer is written.
    [TestCase("RUN sed -i \"s|%NUGET_PAT%|$NUGET_PAT|\" nuget.config && dotnet restore", "nuget.config by this RUN ('sed' writes $NUGET_PAT into it)")]
    [TestCase("RUN echo \"<packageSourceCredentials><acme><add key=\\\"ClearTextPassword\\\" value=\\\"${FEED_TOKEN}\\\" /></acme></packageSourceCredentials>\" > /root/.nuget/NuGet/NuGet.Config", "/root/.nuget/NuGet/NuGet.Config by this RUN ('echo' writes $FEED_TOKEN into it)")]
    [TestCase("RUN printf '<add key=\"ClearTextPassword\" value=\"%s\" />' \"$NUGET_PASSWORD\" >> NuGet.Config", "NuGet.Config by this RUN ('printf' writes $NUGET_PASSWORD into it)")]
    [TestCase("RUN envsubst < nuget.template.config >nuget.config", "nuget.config by this RUN ('envsubst' writes $NUGET_PAT into it)")]
    [TestCase("RUN [\"/bin/sh\", \"-c\", \"sed -i s/X/$NUGET_PAT/ nuget.config\"]", "nuget.config by this RUN ('sed' writes $NUGET_PAT into it)")]
    public Task TokenWrittenIntoNuGetConfig_Reported(string run, string how) => Test()
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:10.0\nARG NUGET_PAT\nARG FEED_TOKEN\nARG NUGET_PASSWORD\nCOPY . .\n" + run + "\nRUN dotnet publish -o /app\nENTRYPOINT [\"dotnet\", \"/app/App.dll\"]\n")
        .WithExpected(new DiagnosticResult("CTR0052", DiagnosticSeverity.Warning).WithSpan("/src/App/Dockerfile", 6, 1, 6, 4).WithArguments(how, ", which the final image carries"))
        .RunAsync();

    // Near misses: removed in the same RUN; single quotes (the shell writes "$NUGET_PAT" literally); a variable that is
    // no credential; a file read, not written; the token written elsewhere.
    [TestCase("RUN sed -i \"s|%PAT%|$NUGET_PAT|\" nuget.config && dotnet restore && rm nuget.config")]
    [TestCase("RUN sed -i 's|%PAT%|$NUGET_PAT|' nuget.config")]
    [TestCase("RUN sed -i \"s|%VERSION%|$PACKAGE_VERSION|\" nuget.config")]
    [TestCase("RUN cat nuget.config > /tmp/copy && echo $NUGET_PAT")]
    [TestCase("RUN echo \"$NUGET_PAT\" > /tmp/token")]
    [TestCase("RUN envsubst < nuget.template.config > other.config")]
    public Task TokenNotLeftInANuGetConfig_NoDiagnostic(string run) => Test()
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:10.0\nARG PACKAGE_VERSION=1.0\nCOPY . .\n" + run + "\n")
        .RunAsync();

    private const string StoredPassword = "<configuration><packageSources><add key=\"acme\" value=\"https://pkgs.example.com/v3/index.json\" /></packageSources>"
        + "<packageSourceCredentials><acme><add key=\"Username\" value=\"build\" /><add key=\"ClearTextPassword\" value=\"s3cret\" /></acme></packageSourceCredentials></configuration>";

    // A NuGet.Config with a stored password, copied into the image from the build context (issue 28).
    [Test]
    public Task NuGetConfigWithAPasswordCopiedIn_Warning() => Test()
        .WithNuGetConfig(StoredPassword)
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:10.0\nWORKDIR /src\nCOPY App.csproj NuGet.Config ./\nRUN dotnet restore\nCOPY . .\nRUN dotnet publish -o /app\nENTRYPOINT [\"dotnet\", \"/app/App.dll\"]\n")
        .WithDockerIgnore("**/bin/\n**/obj/\n")
        .WithExpected(new DiagnosticResult("CTR0052", DiagnosticSeverity.Warning).WithSpan("/src/App/Dockerfile", 3, 17, 3, 29)
            .WithArguments("this layer by this COPY of NuGet.Config (its packageSourceCredentials hold the password of 'acme')", ", which the final image carries"))
        .WithExpected(new DiagnosticResult("CTR0052", DiagnosticSeverity.Warning).WithSpan("/src/App/Dockerfile", 5, 6, 5, 7)
            .WithArguments("this layer by this COPY of NuGet.Config (its packageSourceCredentials hold the password of 'acme')", ", which the final image carries"))
        .RunAsync();

    [Test]
    public Task NuGetConfigWithAPasswordCopiedIntoABuilder_Info() => Test()
        .WithNuGetConfig(StoredPassword)
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nWORKDIR /src\nCOPY App.csproj NuGet.Config ./\nRUN dotnet restore && dotnet publish -o /app\n\nFROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled\nCOPY --from=build /app .\n")
        .WithExpected(new DiagnosticResult("CTR0052", DiagnosticSeverity.Info).WithSpan("/src/App/Dockerfile", 3, 17, 3, 29)
            .WithArguments("this layer by this COPY of NuGet.Config (its packageSourceCredentials hold the password of 'acme')", " of the stage 'build', which stays in the build cache and in any image built from that stage"))
        .RunAsync();

    // Near misses: the password comes from the environment at restore; the .dockerignore leaves the file out; the
    // context is not certain; the file holds no credentials; the file is not XML a reader can follow.
    [TestCase("<configuration><packageSourceCredentials><acme><add key=\"ClearTextPassword\" value=\"%NUGET_PAT%\" /></acme></packageSourceCredentials></configuration>", "COPY App.csproj NuGet.Config ./", "**/bin/\n")]
    [TestCase(StoredPassword, "COPY App.csproj ./\nCOPY . .", "**/bin/\nNuGet.Config\n")]
    [TestCase(StoredPassword, "COPY src/App/App.csproj src/App/\nCOPY src/App/NuGet.Config src/App/", "**/bin/\n")]
    [TestCase("<configuration><packageSources><add key=\"nuget.org\" value=\"https://api.nuget.org/v3/index.json\" /></packageSources></configuration>", "COPY App.csproj NuGet.Config ./", "**/bin/\n")]
    [TestCase("<configuration><packageSourceCredentials><acme><add key=\"ClearTextPassword\" value=\"s3cret\"", "COPY App.csproj NuGet.Config ./", "**/bin/\n")]
    public Task NuGetConfigThatLeaksNothing_NoDiagnostic(string config, string copies, string? dockerIgnore)
    {
        var test = Test().WithNuGetConfig(config).WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:10.0\nWORKDIR /src\n" + copies + "\nRUN dotnet publish -o /app\n");
        return (dockerIgnore is null ? test : test.WithDockerIgnore(dockerIgnore)).RunAsync();
    }
}
