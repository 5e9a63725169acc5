"""Streaming checks of a landing file, made while it is hashed: a file Trusted would refuse as a
whole (not UTF-8, a line DuckDB cannot hold, mixed line endings, U+FFFF, no data rows) is refused
before it can replace a good raw copy, so raw and trusted never disagree about a date."""

import codecs

from datalake.errors import DatalakeError

MAX_LINE = 2 * 1024 * 1024  # DuckDB's default `max_line_size`, which Trusted reads with
_FFFF = "\uffff".encode()


class LandingScan:
    """Feed the file's bytes in order; `finish()` raises the first reason to refuse it."""

    def __init__(self, where: str):
        self.where = where
        self._utf8 = codecs.getincrementaldecoder("utf-8")()
        self.newlines = 0
        self._run = 0  # bytes of the current line so far
        self._cr = self._crlf = 0
        self._tail = b""
        self._has_rows = False

    def feed(self, chunk: bytes) -> None:
        try:
            self._utf8.decode(chunk)
        except UnicodeDecodeError as exc:
            self._refuse("is not UTF-8 text", self.newlines + chunk[: exc.start].count(b"\n") + 1)
        joined = self._tail + chunk
        if _FFFF in joined:
            at = joined.index(_FFFF) - len(self._tail)
            line = self.newlines + chunk[: max(at, 0)].count(b"\n") + 1
            self._refuse("holds U+FFFF, a character text never contains", line)
        self._cr += chunk.count(b"\r")
        self._crlf += joined.count(b"\r\n") - self._tail.count(b"\r\n")
        self._lines(chunk)
        self._tail = joined[-2:]

    def _lines(self, chunk: bytes) -> None:
        pieces = chunk.split(b"\n")
        if len(pieces) == 1:
            self._run += len(chunk)
            self._long_line(self._run, 0)
            return
        self._long_line(self._run + len(pieces[0]), 0)
        longest = max(map(len, pieces[1:-1]), default=0)
        if longest > MAX_LINE:
            self._long_line(longest, 1 + [len(p) for p in pieces[1:-1]].index(longest))
        if self.newlines == 0 or not self._has_rows:
            body = chunk.split(b"\n", 1)[1] if self.newlines == 0 else chunk
            self._has_rows = bool(body.strip(b"\r\n"))
        self.newlines += len(pieces) - 1
        self._run = len(pieces[-1])

    def _long_line(self, length: int, offset: int) -> None:
        if length > MAX_LINE:
            self._refuse("has a line over 2 MB", self.newlines + offset + 1)

    def finish(self) -> None:
        try:
            self._utf8.decode(b"", final=True)
        except UnicodeDecodeError:
            self._refuse("is not UTF-8 text", self.newlines + 1)
        lone_cr, bare_lf = self._cr != self._crlf, 0 < self._crlf != self.newlines
        if lone_cr or bare_lf:
            self._refuse("mixes line endings (LF, CRLF or a lone CR)", None)
        if not self._has_rows:
            raise DatalakeError(
                f"{self.where} holds its header and no data rows: land the complete export "
                "(nothing was replaced)."
            )

    def _refuse(self, why: str, line: int | None) -> None:
        at = f" (line {line:,})" if line else ""
        raise DatalakeError(
            f"{self.where} {why}{at}: re-export it as UTF-8 text with one kind of line ending and "
            "land it again (nothing was replaced)."
        )
