# A headless silo with browser capacity (cluster mode): scale it to add capacity.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Silo/Silo.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium fonts-liberation \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://0.0.0.0:8081 \
    Rpa__Mode=Cluster \
    Browser__ExecutablePath=/usr/bin/chromium
# 11111: silo-to-silo, 30000: gateway, 8081: /healthz, /readyz, /metrics
EXPOSE 11111 30000 8081
STOPSIGNAL SIGTERM
ENTRYPOINT ["dotnet", "RpaOrleans.Silo.dll"]
