FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build
WORKDIR /app
COPY . .
RUN dotnet publish -o /app/publish -c Release

# Runtime stage: a chiseled (distroless) image with just the .NET runtime: no shell, no package manager.
FROM mcr.microsoft.com/dotnet/runtime:8.0-noble-chiseled-extra AS final
WORKDIR /app
COPY --from=build /app/publish .
# The old file started the container with: ENTRYPOINT ./entrypoint.sh --port 5000 && echo bye
# Restore it here (and COPY what it runs) if it did more than start the app.
USER $APP_UID
ENTRYPOINT ["dotnet", "App.dll"]
