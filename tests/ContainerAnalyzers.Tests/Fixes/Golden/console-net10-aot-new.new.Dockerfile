# App: built on the .NET SDK image, run on mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled (no SDK).
# Build it from this folder:
#   docker build -t app .

FROM mcr.microsoft.com/dotnet/sdk:10.0-noble-aot AS build
ARG TARGETARCH
WORKDIR /src

# Restore as a distinct layer: it is reused until a project or build file changes.
COPY App.csproj ./
RUN dotnet restore App.csproj -a $TARGETARCH

# Copy the sources and publish the app.
COPY . .
RUN dotnet publish App.csproj -c Release -a $TARGETARCH -o /app/publish \
    && rm -f /app/publish/*.dbg

# Runtime stage: the app is self-contained, so it needs no .NET runtime; chiseled images have no shell or package
# manager.
FROM mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled AS final
WORKDIR /app
COPY --from=build /app/publish .
USER $APP_UID
ENTRYPOINT ["./App"]
