FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /app
COPY . .
RUN dotnet restore
RUN dotnet publish -c Release -o out

# The runtime image follows the project's ContainerFamily.
FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-composite AS final
WORKDIR /app
COPY --from=build /app/out .
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "App.dll"]
