# escape=`
FROM mcr.microsoft.com/dotnet/sdk:9.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish -c Release `
    -o /out
ENV GREETING=hello `
    NAME=world

# Runtime stage: the app is self-contained, so it needs no .NET runtime; chiseled images have no shell or package
# manager.
FROM mcr.microsoft.com/dotnet/runtime-deps:9.0-noble-chiseled-extra AS final
ENV GREETING=hello `
    NAME=world
WORKDIR /app
COPY --from=build /out .
USER $APP_UID
ENTRYPOINT ["./App"]
