using ContainerAnalyzers.Analyzers;
using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules;

[TestFixture]
public sealed class CTR0090SyntaxErrorTests
{
    private static DockerfileAnalyzerTest<CTR0090SyntaxErrorRule> Test() => new();

    [Test]
    public Task UnknownInstruction() => Test()
        .WithDockerfile("FROM alpine:3.20\n{|CTR0090:RUNN|} echo hi\n")
        .RunAsync();

    [Test]
    public Task EnvWithoutValue() => Test()
        .WithDockerfile("FROM alpine:3.20\nENV {|CTR0090:PATH|}\n")
        .RunAsync();

    [Test]
    public Task NonStringJsonArray() => Test()
        .WithDockerfile("FROM alpine:3.20\nCMD {|CTR0090:[\"echo\", 1]|}\n")
        .RunAsync();

    [Test]
    public Task UnterminatedHeredoc() => Test()
        .WithDockerfile("FROM alpine:3.20\n{|CTR0090:RUN <<EOF|}\necho hi\n")
        .RunAsync();

    [Test]
    public Task EmptyFile() => Test()
        .WithDockerfile(string.Empty)
        .WithExpected(DiagnosticResult.CompilerWarning("CTR0090").WithSpan("/src/App/Dockerfile", 1, 1, 1, 1).WithArguments("The Dockerfile has no instructions; a build needs at least a FROM"))
        .RunAsync();

    [Test]
    public Task ValidFileWithEveryInstruction_NoDiagnostic() => Test()
        .WithDockerfile("""
            # syntax=docker/dockerfile:1
            # check=skip=JSONArgsRecommended
            ARG VERSION=8.0
            FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:${VERSION} AS build
            LABEL org.opencontainers.image.title="app" maintainer=me
            ENV A=1 B="two words"
            ENV LEGACY value with spaces
            SHELL ["/bin/bash", "-c"]
            RUN --mount=type=cache,target=/root/.nuget/packages --network=default dotnet restore
            COPY --chown=app:app --chmod=755 --link --exclude=*.md . /src/
            ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/a.tar.gz /tmp/
            COPY <<EOF /etc/app.conf
            key=value
            EOF
            RUN <<-SCRIPT
            	echo one
            	SCRIPT
            ONBUILD RUN echo triggered
            FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled
            WORKDIR /app
            COPY --from=build /src/out .
            EXPOSE 8080/tcp
            VOLUME ["/data"]
            USER $APP_UID
            STOPSIGNAL SIGTERM
            HEALTHCHECK --interval=30s --timeout=3s CMD ["/app/healthcheck"]
            MAINTAINER someone
            ENTRYPOINT ["./App"]
            CMD ["--urls", "http://+:8080"]
            """)
        .RunAsync();
}
