# The datalake platform: `datalake` CLI and the Dagster UI. Credentials come only from the
# runtime environment (`docker run -e TMDB_API_KEY ...`), never from the image.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DAGSTER_HOME=/opt/dagster/home \
    DATALAKE_STORAGE=/data/lake

WORKDIR /opt/datalake
COPY requirements.lock pyproject.toml README.md ./
RUN pip install --no-cache-dir -r requirements.lock
COPY datalake ./datalake
COPY benchmarks ./benchmarks
COPY workspace.yaml ./
RUN pip install --no-cache-dir --no-deps . \
 && mkdir -p "$DAGSTER_HOME" /data/lake \
 && printf 'telemetry:\n  enabled: false\n' > "$DAGSTER_HOME/dagster.yaml" \
 && useradd --create-home datalake && chown -R datalake "$DAGSTER_HOME" /data

USER datalake
VOLUME ["/data"]
EXPOSE 3000
# The UI binds 127.0.0.1 by default; inside a container publish it with `dagster dev -h 0.0.0.0`.
CMD ["dagster", "dev", "-m", "datalake.definitions", "--host", "0.0.0.0", "--port", "3000"]
