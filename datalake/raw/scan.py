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
        # Only the seam with the previous chunk's last bytes is copied (a sequence may span it),
        # never the whole chunk.
        seam = self._tail + chunk[:2]
        if _FFFF in seam or _FFFF in chunk:
            joined = self._tail + chunk
            at = joined.index(_FFFF) - len(self._tail)
            line = self.newlines + chunk[: max(at, 0)].count(b"\n") + 1
            self._refuse("holds U+FFFF, a character text never contains", line)
        if b"\r" in chunk:
            self._cr += chunk.count(b"\r")
            self._crlf += chunk.count(b"\r\n")
        self._crlf += self._tail.endswith(b"\r") and chunk.startswith(b"\n")
        self._lines(chunk)
        self._tail = (self._tail + chunk[-2:])[-2:]

    def _lines(self, chunk: bytes) -> None:
        first = chunk.find(b"\n")
        if first < 0:
            self._run += len(chunk)
            self._long_line(self._run, 0)
            return
        self._long_line(self._run + first, 0)
        last = chunk.rfind(b"\n")
        if not self._short_lines_only(chunk, first, last):
            pieces = chunk[first + 1 : last].split(b"\n")
            longest = max(map(len, pieces))
            self._long_line(longest, 1 + [len(p) for p in pieces].index(longest))
        if self.newlines == 0 or not self._has_rows:
            body = chunk[first + 1 :] if self.newlines == 0 else chunk
            self._has_rows = bool(body.strip(b"\r\n"))
        self.newlines += chunk.count(b"\n")
        self._run = len(chunk) - last - 1
        self._long_line(self._run, 0)  # the last line may never get its newline

    @staticmethod
    def _short_lines_only(chunk: bytes, first: int, last: int) -> bool:
        """True when no line between the first and last newline can exceed MAX_LINE, proved
        without splitting the chunk into its lines: if every block of MAX_LINE / 2 bytes holds
        a newline, no run without one is as long as MAX_LINE."""
        block = MAX_LINE // 2
        return all(chunk.find(b"\n", at, at + block) >= 0 for at in range(first, last, block))

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
