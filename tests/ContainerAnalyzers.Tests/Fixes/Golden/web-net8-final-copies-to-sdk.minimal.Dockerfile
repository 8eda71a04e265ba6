FROM node:20 AS frontend
WORKDIR /web
COPY web/ .
RUN npm ci && npm run build

FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build
WORKDIR /src
COPY . .
COPY --from=frontend /web/dist wwwroot
RUN dotnet publish -c Release -o /app

# Not chiseled: this stage runs shell commands carried over from the old Dockerfile. Move them to the build stage
# to switch to the 8.0-noble-chiseled-extra image, which has no shell.
FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble AS final
WORKDIR /app
COPY --from=build /app .
RUN curl -sSL https://example.com/install.sh | sh
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "App.dll"]
