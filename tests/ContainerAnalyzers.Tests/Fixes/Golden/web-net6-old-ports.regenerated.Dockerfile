# App: built on the .NET SDK image, run on mcr.microsoft.com/dotnet/aspnet:6.0-jammy (no SDK).
# Build it from this folder:
#   docker build -t app .

FROM mcr.microsoft.com/dotnet/sdk:6.0-jammy AS build
WORKDIR /src

# Restore as a distinct layer: it is reused until a project or build file changes.
COPY App.csproj ./
RUN dotnet restore App.csproj

# Copy the sources and publish the app.
COPY . .
RUN dotnet publish App.csproj -c Release -o /app/publish

# .NET 6.0 has no chiseled image with ICU; this is its smallest official image that has it. Consider upgrading to
# .NET 8 or later.
FROM mcr.microsoft.com/dotnet/aspnet:6.0-jammy AS final
WORKDIR /app
COPY --from=build /app/publish .
EXPOSE 80
ENTRYPOINT ["dotnet", "App.dll"]
