FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /app
COPY . .
RUN dotnet restore
RUN dotnet publish -c Release -o out

# The runtime image is the project's ContainerBaseImage.
FROM mcr.microsoft.com/dotnet/aspnet:10.0-azurelinux3.0-distroless AS final
WORKDIR /app
COPY --from=build /app/out .
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "App.dll"]
