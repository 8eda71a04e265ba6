FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build
WORKDIR /app
COPY . .
RUN dotnet restore
RUN dotnet publish -c Release -o out

# Runtime stage: a chiseled (distroless) image with just the .NET runtime: no shell, no package manager.
FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled-extra AS final
WORKDIR /app
COPY --from=build /app/out .
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "App.dll"]
