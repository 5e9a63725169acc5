"""The console of `datalake run`: one short line per message an asset logs, none per Dagster event.

Dagster's own console logger prints every step failure with its stack trace and one line per step
skipped because of it; the command line prints the failure once, as its `error:` line, and the
full traces stay in the run's event log (the UI shows them).
"""

import logging
import sys

import dagster as dg

MAX_LINE = 300  # characters of one message echoed to the console


class _Compact(logging.Handler):
    def __init__(self, stream):
        super().__init__(logging.INFO)
        self.stream = stream

    def emit(self, record: logging.LogRecord) -> None:
        meta = getattr(record, "dagster_meta", None) or {}
        if meta.get("dagster_event") is not None or record.levelno >= logging.ERROR:
            return  # step events, failures and the steps they skip: the summary says those
        text = str(meta.get("orig_message") or record.getMessage()).strip()
        first = text.splitlines()[0] if text else ""
        if len(first) > MAX_LINE:
            first = first[: MAX_LINE - 3] + "..."
        step = meta.get("step_key")
        prefix = "warning: " if record.levelno >= logging.WARNING else ""
        self.stream.write(f"  {prefix}{step + ': ' if step else ''}{first}\n")
        self.stream.flush()


@dg.logger(None, description="One short line per asset message; no stack traces on the console.")
def compact_console(init_context: dg.InitLoggerContext) -> logging.Logger:
    log = logging.Logger("datalake.run", logging.INFO)
    log.addHandler(_Compact(sys.stderr))
    return log
