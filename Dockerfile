# Multi-stage: build with the SDK, run on the small runtime image as a non-root user.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
# Linux x64 only: the chart library would otherwise bring native files for every platform (about 150 MB).
RUN dotnet publish src/BennBot.Worker -c Release -r linux-x64 --self-contained false -o /app

FROM mcr.microsoft.com/dotnet/runtime:10.0 AS runtime
# The topic chart and the posters draw with DejaVu Sans, which SkiaSharp's NoDependencies build finds in /usr/share/fonts (no fontconfig).
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
RUN mkdir -p /data && chown app:app /data
USER app
# The token comes from the environment (or a secret mounted as env), never from the image.
# DOTNET_GCgen0size: a 4 MB young-generation budget instead of one sized from the CPU cache: about 20 MB less memory
# while idle, answers not slower (README, "Memory over time"; issue 17). The runtime reads it only from the environment.
# MALLOC_ARENA_MAX=2: glibc lets busy threads open up to 8 malloc arenas per core and keeps what they freed; the first
# hour-long soak saw that memory grow by about 7 MB. Two are enough here (most memory is managed), idle memory is the
# same with it, and the hour-long soak of these settings is in the README ("Memory over time"; issue 17).
ENV BennBot__Storage__DatabasePath=/data/bennbot.db \
    DOTNET_gcServer=0 \
    DOTNET_GCgen0size=0x400000 \
    MALLOC_ARENA_MAX=2
VOLUME ["/data"]
# Healthy while polling answers and the database checkpoints (a heartbeat file beside the database, every 30 s).
HEALTHCHECK --interval=60s --timeout=15s --start-period=90s --retries=3 CMD ["dotnet", "BennBot.Worker.dll", "health"]
ENTRYPOINT ["dotnet", "BennBot.Worker.dll"]
