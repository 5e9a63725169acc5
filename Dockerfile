# The datalake platform image: the Dagster webserver, the daemon, or one `datalake run`.
# Credentials come only from the runtime environment (`-e TMDB_API_KEY`), never from the image.
# Two stages: the build stage installs the pinned runtime requirements (docker/requirements.txt:
# requirements.lock without the test and lint packages) into a venv; the runtime stage copies
# only that venv, the workspace and the instance configuration.

FROM python:3.11.14-slim-bookworm AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY docker/requirements.txt ./requirements.txt
RUN python -m venv /opt/venv \
 && /opt/venv/bin/pip install --no-cache-dir --no-deps -r requirements.txt
COPY pyproject.toml README.md ./
COPY datalake ./datalake
RUN /opt/venv/bin/pip install --no-cache-dir --no-deps . \
 && /opt/venv/bin/python -m compileall -q /opt/venv

FROM python:3.11.14-slim-bookworm AS runtime
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    DAGSTER_HOME=/opt/dagster/home \
    DATALAKE_STORAGE=/data/lake
RUN useradd --uid 10001 --create-home --shell /usr/sbin/nologin datalake \
 && mkdir -p /opt/dagster/home /data/lake \
 && chown -R datalake:datalake /opt/dagster/home /data
COPY --from=build /opt/venv /opt/venv
COPY workspace.yaml /opt/datalake/workspace.yaml
COPY docker/dagster.yaml /opt/datalake/dagster.yaml
COPY docker/entrypoint.sh /usr/local/bin/datalake-entrypoint
WORKDIR /opt/datalake
USER datalake
# Run history and sensor cursors (or, with docker/dagster.yaml, only compute logs) and the lake.
VOLUME ["/opt/dagster/home", "/data"]
EXPOSE 3000
ENTRYPOINT ["datalake-entrypoint"]
CMD ["webserver"]
