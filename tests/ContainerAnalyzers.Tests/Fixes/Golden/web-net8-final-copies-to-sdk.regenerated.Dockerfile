# App: built on the .NET SDK image, run on mcr.microsoft.com/dotnet/aspnet:8.0-noble (no SDK).
# Build it from this folder:
#   docker build -t app .

FROM node:20 AS frontend
WORKDIR /web
COPY web/ .
RUN npm ci && npm run build

FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:8.0-noble AS build
ARG TARGETARCH
WORKDIR /src

# Restore as a distinct layer: it is reused until a project or build file changes.
COPY App.csproj ./
RUN dotnet restore App.csproj -a $TARGETARCH

# Copy the sources and publish the app.
COPY . .
COPY --from=frontend /web/dist wwwroot
RUN dotnet publish App.csproj -c Release -a $TARGETARCH -o /app/publish

# Not chiseled: this stage runs shell commands carried over from the old Dockerfile. Move them to the build stage
# to switch to the 8.0-noble-chiseled-extra image, which has no shell.
FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble AS final
WORKDIR /app
COPY --from=build /app/publish .
RUN curl -sSL https://example.com/install.sh | sh
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "App.dll"]
