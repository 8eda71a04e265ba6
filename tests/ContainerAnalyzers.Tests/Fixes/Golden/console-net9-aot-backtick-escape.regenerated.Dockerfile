# escape=`
# App: built on the .NET SDK image, run on mcr.microsoft.com/dotnet/runtime-deps:9.0-noble-chiseled-extra (no SDK).
# Build it from this folder:
#   docker build -t app .

FROM mcr.microsoft.com/dotnet/sdk:9.0-noble AS build
ARG TARGETARCH
WORKDIR /src
# Native AOT needs the platform's C toolchain.
RUN apt-get update `
    && apt-get install -y --no-install-recommends clang zlib1g-dev `
    && rm -rf /var/lib/apt/lists/*

# Restore as a distinct layer: it is reused until a project or build file changes.
COPY App.csproj ./
RUN dotnet restore App.csproj -a $TARGETARCH

# Copy the sources and publish the app.
COPY . .
RUN dotnet publish App.csproj -c Release -a $TARGETARCH -o /app/publish `
    && rm -f /app/publish/*.dbg

# Runtime stage: the app is self-contained, so it needs no .NET runtime; chiseled images have no shell or package
# manager.
FROM mcr.microsoft.com/dotnet/runtime-deps:9.0-noble-chiseled-extra AS final
ENV GREETING=hello `
    NAME=world
WORKDIR /app
COPY --from=build /app/publish .
USER $APP_UID
ENTRYPOINT ["./App"]
