# The web host (embedded mode: a silo with browser capacity, SQLite, the demo site).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/WebHost/WebHost.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium fonts-liberation \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://0.0.0.0:5080 \
    Rpa__DataDirectory=/data \
    Browser__ExecutablePath=/usr/bin/chromium
VOLUME /data
EXPOSE 5080
ENTRYPOINT ["dotnet", "RpaOrleans.WebHost.dll"]
