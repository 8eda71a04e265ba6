# syntax=docker/dockerfile:1
# App: built on the .NET SDK image, run on mcr.microsoft.com/dotnet/aspnet:8.0-noble (no SDK).
# Build it from this folder:
#   docker build -t app .
# Our API image.

FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:8.0-noble AS build
ARG TARGETARCH
WORKDIR /src
RUN apt-get update && apt-get install -y libgdiplus

# Restore as a distinct layer: it is reused until a project or build file changes.
COPY App.csproj ./
RUN dotnet restore App.csproj -a $TARGETARCH

# Copy the sources and publish the app.
COPY . .
RUN dotnet publish App.csproj -c Release -a $TARGETARCH -o /app/publish

# Not chiseled: this stage runs shell commands carried over from the old Dockerfile (packages the chiseled images
# do not have, so the image keeps their distro family). Move them to the build stage to switch to the
# 8.0-noble-chiseled-extra image, which has no shell.
FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble AS final
ARG APP_VERSION=1.0.0
# Labels for the registry.
LABEL org.opencontainers.image.version=$APP_VERSION maintainer="team@contoso.com"
ENV ASPNETCORE_URLS=http://+:5000 \
    DOTNET_EnableDiagnostics=0
RUN apt-get update && apt-get install -y libgdiplus
WORKDIR /app
COPY --from=build /app/publish .
VOLUME /data
HEALTHCHECK --interval=30s CMD ["dotnet", "App.dll", "--health"]
STOPSIGNAL SIGTERM
EXPOSE 5000
USER 1000
ENTRYPOINT ["dotnet", "App.dll"]
CMD ["--verbose"]
