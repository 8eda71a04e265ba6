# syntax=docker/dockerfile:1
# Our API image.
ARG BUILD_CONFIGURATION=Release
FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build
ARG APP_VERSION=1.0.0
RUN apt-get update && apt-get install -y libgdiplus
WORKDIR /src
COPY . .
RUN dotnet restore
RUN dotnet publish -c Release -o out
# Labels for the registry.
LABEL org.opencontainers.image.version=$APP_VERSION maintainer="team@contoso.com"
ENV ASPNETCORE_URLS=http://+:5000 \
    DOTNET_EnableDiagnostics=0
USER 1000

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
COPY --from=build /src/out .
VOLUME /data
HEALTHCHECK --interval=30s CMD ["dotnet", "App.dll", "--health"]
STOPSIGNAL SIGTERM
EXPOSE 5000
USER 1000
ENTRYPOINT ["dotnet", "App.dll"]
CMD ["--verbose"]
