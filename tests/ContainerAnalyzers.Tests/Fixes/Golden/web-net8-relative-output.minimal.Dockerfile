FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build
WORKDIR /source
COPY . .
RUN dotnet publish -c Release -o out \
    && echo done

# Runtime stage: a chiseled (distroless) image with just the .NET runtime: no shell, no package manager.
FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled-extra AS final
WORKDIR /app
COPY --from=build /source/out .
EXPOSE 8080
# Was EXPOSE 80: .NET 8+ images listen on 8080 unless ASPNETCORE_HTTP_PORTS says otherwise.
USER $APP_UID
ENTRYPOINT ["dotnet", "App.dll"]
