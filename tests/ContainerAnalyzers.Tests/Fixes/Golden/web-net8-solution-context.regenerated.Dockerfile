# App: built on the .NET SDK image, run on mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled-extra (no SDK).
# The build context is ../.. (repo/): the smallest folder that holds the project, the projects it references and
# the build files restore reads. From that folder:
#   docker build -t app -f src/App/Dockerfile .

FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:8.0-noble AS build
ARG TARGETARCH
WORKDIR /src

# The project references other projects, so restore needs the whole tree; a cache mount keeps
# the downloaded NuGet packages from one build to the next.
COPY . .
RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
    dotnet publish src/App/App.csproj -c Release -a $TARGETARCH -o /app/publish

# Runtime stage: a chiseled (distroless) image with just the .NET runtime: no shell, no package manager.
FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled-extra AS final
WORKDIR /app
COPY --from=build /app/publish .
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "App.dll"]
