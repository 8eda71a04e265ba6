FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /app
COPY . .
RUN dotnet restore
RUN dotnet publish -c Release -o out

# Runtime stage: the app is self-contained, so it needs no .NET runtime; chiseled images have no shell or package
# manager.
FROM mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled AS final
WORKDIR /app
COPY --from=build /app/out .
USER $APP_UID
ENTRYPOINT ["./App"]
