FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build
COPY . .
RUN dotnet publish -o /out
ENV A=1

# Runtime stage: a chiseled (distroless) image with just the .NET runtime: no shell, no package manager.
FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled-extra AS final
ENV A=1
WORKDIR /app
COPY --from=build /out .
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "App.dll"]
