"""A small analyzer on pyarrow + pandas that meets the analyzer contract (version 1).

Phase `features` writes one row per address of transfers.parquet with the recomputable columns;
phase `patterns` reports threshold evasion, temporal bursts and short cycles with a confidence that
ranks the more suspicious findings first. It is a starting point for Python miners, not a
competitive analyzer: see examples/baseline-analyzer for the reference detectors.
"""
import os
import sys
import time

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

THRESHOLDS = (10_000.0, 15_000.0, 50_000.0, 100_000.0)
BURST_WINDOW_MS = 3_600_000
BURST_MIN = 10
MAX_LISTED = 256
MAX_PER_TYPE = 200


def log(message):
    print(f"[python-analyzer] {message}", file=sys.stderr, flush=True)


def read_transfers(input_dir):
    table = pq.read_table(os.path.join(input_dir, "transfers.parquet"),
                          columns=["from_address", "to_address", "amount_usd", "block_timestamp"])
    usd = pc.cast(table.column("amount_usd"), pa.float64())
    return pd.DataFrame({
        "src": table.column("from_address").to_numpy(),
        "dst": table.column("to_address").to_numpy(),
        "usd": usd.to_numpy(),
        "ts": table.column("block_timestamp").to_numpy(),
    })


def side(transfers, own, other, prefix):
    grouped = transfers.groupby(own, sort=False)
    return pd.DataFrame({
        f"degree_{prefix}": grouped[other].nunique(),
        f"tx_{prefix}_count": grouped.size(),
        f"total_{prefix}_usd": grouped["usd"].sum(),
        f"first_{prefix}": grouped["ts"].min(),
        f"last_{prefix}": grouped["ts"].max(),
    })


def features(transfers):
    out_side = side(transfers, "src", "dst", "out")
    in_side = side(transfers, "dst", "src", "in")
    table = out_side.join(in_side, how="outer")
    pairs = pd.concat([transfers[["src", "dst"]].set_axis(["a", "b"], axis=1),
                       transfers[["dst", "src"]].set_axis(["a", "b"], axis=1)]).drop_duplicates()
    table["unique_counterparties"] = pairs.groupby("a", sort=False).size()
    for column in ("degree_in", "degree_out", "tx_in_count", "tx_out_count"):
        table[column] = table[column].fillna(0).astype("int64")
    for column in ("total_in_usd", "total_out_usd"):
        table[column] = table[column].fillna(0.0)
    table["first_activity_timestamp"] = table[["first_in", "first_out"]].min(axis=1).astype("int64")
    table["last_activity_timestamp"] = table[["last_in", "last_out"]].max(axis=1).astype("int64")
    table["unique_counterparties"] = table["unique_counterparties"].astype("int64")
    table = table.rename_axis("address").reset_index()
    return table[["address", "degree_in", "degree_out", "tx_in_count", "tx_out_count", "total_in_usd",
                  "total_out_usd", "unique_counterparties", "first_activity_timestamp",
                  "last_activity_timestamp"]]


def threshold_evasion(transfers, degree):
    found = []
    for limit in THRESHOLDS:
        near = transfers[(transfers["usd"] >= 0.8 * limit) & (transfers["usd"] < limit)]
        for sender, rows in near.groupby("src", sort=False):
            if len(rows) >= 5:
                receivers = list(dict.fromkeys(rows["dst"]))[: MAX_LISTED - 1]
                # many near-threshold sends from a quiet address are less likely to be chance
                confidence = min(1.0, len(rows) / 10.0) * (len(rows) / max(degree.get(sender, 1), 1)) ** 0.5
                found.append(("threshold_evasion", [sender] + [r for r in receivers if r != sender],
                              min(confidence, 1.0)))
    return found


def temporal_bursts(transfers):
    events = pd.concat([transfers[["src", "dst", "ts"]].set_axis(["a", "other", "ts"], axis=1),
                        transfers[["dst", "src", "ts"]].set_axis(["a", "other", "ts"], axis=1)])
    events = events.sort_values(["a", "ts"], kind="stable")
    found = []
    for address, rows in events.groupby("a", sort=False):
        if len(rows) < BURST_MIN:
            continue
        ts = rows["ts"].to_numpy()
        ends = np.searchsorted(ts, ts + BURST_WINDOW_MS, side="right")
        counts = ends - np.arange(len(ts))
        best = int(np.argmax(counts))
        # a burst is suspicious when it is most of the address's activity
        if counts[best] < BURST_MIN or counts[best] < 0.5 * len(ts):
            continue
        window = rows.iloc[best: ends[best]]
        partners = [p for p in dict.fromkeys(window["other"]) if p != address][: MAX_LISTED - 1]
        found.append(("temporal_burst", [address] + partners, float(counts[best]) / len(ts)))
    return found


def short_cycles(transfers):
    edges = transfers[["src", "dst"]].drop_duplicates()
    edges = edges[edges["src"] != edges["dst"]]
    out = edges.groupby("src")["dst"].apply(set).to_dict()
    found, seen = [], set()
    for a, targets in out.items():
        for b in targets:
            for c in out.get(b, ()):
                if c != a and a in out.get(c, ()) and frozenset((a, b, c)) not in seen:
                    seen.add(frozenset((a, b, c)))
                    fan = len(targets) + len(out.get(b, ())) + len(out.get(c, ()))
                    found.append(("cycle", [a, b, c], 3.0 / fan))
    return found


def patterns(transfers):
    degree = pd.concat([transfers["src"], transfers["dst"]]).value_counts().to_dict()
    found = threshold_evasion(transfers, degree) + temporal_bursts(transfers) + short_cycles(transfers)
    found.sort(key=lambda p: -p[2])
    # the score is average precision over this ranking: a long tail of weak findings only dilutes it
    kept, per_type = [], {}
    for pattern in found:
        per_type[pattern[0]] = per_type.get(pattern[0], 0) + 1
        if per_type[pattern[0]] <= MAX_PER_TYPE:
            kept.append(pattern)
    found = kept
    return pa.table({
        "pattern_id": [f"p{i}" for i in range(len(found))],
        "pattern_type": [p[0] for p in found],
        "addresses": pa.array([p[1] for p in found], type=pa.list_(pa.string())),
        "confidence": [float(p[2]) for p in found],
    })


def main():
    phase = os.environ.get("ANALYZER_PHASE", "")
    input_dir = os.environ.get("ANALYZER_INPUT_PATH", "/data/input")
    output_dir = os.environ.get("ANALYZER_OUTPUT_PATH", "/data/output")
    start = time.monotonic()
    transfers = read_transfers(input_dir)
    if phase == "features":
        table = pa.Table.from_pandas(features(transfers), preserve_index=False)
        pq.write_table(table, os.path.join(output_dir, "features.parquet"))
    elif phase == "patterns":
        table = patterns(transfers)
        pq.write_table(table, os.path.join(output_dir, "patterns.parquet"))
    else:
        log(f"unknown ANALYZER_PHASE {phase!r} (features | patterns)")
        return 2
    log(f"{phase}: {table.num_rows} rows from {len(transfers)} transfers in {time.monotonic() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
