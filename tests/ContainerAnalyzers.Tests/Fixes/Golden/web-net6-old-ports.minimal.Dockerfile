FROM mcr.microsoft.com/dotnet/sdk:6.0 AS build
WORKDIR /app
COPY . .
RUN dotnet restore
RUN dotnet publish -c Release -o out

# .NET 6.0 has no chiseled image with ICU; this is its smallest official image that has it. Consider upgrading to
# .NET 8 or later.
FROM mcr.microsoft.com/dotnet/aspnet:6.0-jammy AS final
WORKDIR /app
COPY --from=build /app/out .
EXPOSE 80
ENTRYPOINT ["dotnet", "App.dll"]
