#!/bin/sh
# The image's entry points: `webserver` (default), `daemon`, `run [datalake run options]`, or any
# other command as given. With DAGSTER_POSTGRES_HOST set, the instance is docker/dagster.yaml
# (Dagster's storage in PostgreSQL); otherwise the lake's local SQLite instance. Either way its
# storage is created once, under a file lock (the webserver and daemon share the volume).
set -eu
if [ -n "${DAGSTER_POSTGRES_HOST:-}" ] && [ ! -f "$DAGSTER_HOME/dagster.yaml" ]; then
    cp /opt/datalake/dagster.yaml "$DAGSTER_HOME/dagster.yaml"
fi
python -c 'import os, pathlib; from datalake.instance import prepare_home; prepare_home(pathlib.Path(os.environ["DAGSTER_HOME"]))'
command="${1:-webserver}"
[ "$#" -gt 0 ] && shift
case "$command" in
    webserver) exec dagster-webserver -h 0.0.0.0 -p 3000 -w /opt/datalake/workspace.yaml "$@" ;;
    daemon) exec dagster-daemon run -w /opt/datalake/workspace.yaml "$@" ;;
    run) exec datalake run "$@" ;;
    *) exec "$command" "$@" ;;
esac
