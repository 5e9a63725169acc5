"""Asset keys of the Trusted zone: `trusted/<origin>/<table>`."""

import dagster as dg


def trusted_key(origin: str, table: str) -> dg.AssetKey:
    return dg.AssetKey(["trusted", origin, table])
