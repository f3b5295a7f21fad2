#!/usr/bin/env python3
"""senshin-lint against the tools people would otherwise use, on the same files, in one run.

Installs its peers itself (under target/bench-peers, pinned versions): ajv-cli and yaml-language-server from
npm, check-jsonschema from PyPI. Builds the release binary, generates drafts of 100, 10,000 and 100,000 rows
(benches/generate.py, cached under target/bench-drafts), writes the JSON Schema with `senshin-lint schema`,
then measures:

- the command line: `senshin-lint check`, `ajv validate` and `check-jsonschema` on each draft and on the
  published report (wall time, median of several runs, and peak memory of the process);
- the floor: the whole check in process against the bare YAML event parse (`cargo bench --bench floor`),
  and how the check grows from 100 to 100,000 rows;
- the language servers: `senshin-lint lsp` and `yaml-language-server` (with the same schema), from opening a
  document to its diagnostics and from one change to the next diagnostics.

Usage: benches/compare.py [--quick]   (--quick: fewer runs, no 100,000-row draft; for trying the script)
Writes the figures to target/bench-results.json as well."""
import argparse
import json
import os
import statistics
import subprocess
import shutil
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "benches"))
import lsp_latency  # noqa: E402

PEERS = os.path.join(ROOT, "target", "bench-peers")
DRAFTS = os.path.join(ROOT, "target", "bench-drafts")
BIN = os.path.join(ROOT, "target", "release", "senshin-lint")
NPM = {"ajv-cli": "5.0.0", "yaml-language-server": "2.0.0"}
PYPI = {"check-jsonschema": "0.39.0"}
TIME = "/usr/bin/time"


def sh(*cmd, **kw):
    subprocess.run(cmd, check=True, **kw)


def install():
    if not os.path.exists(TIME) and shutil.which("apt-get"):
        sh("apt-get", "install", "-y", "-qq", "time", stdout=subprocess.DEVNULL)
    os.makedirs(PEERS, exist_ok=True)
    want = [f"{p}@{v}" for p, v in NPM.items()]
    sh("npm", "install", "--prefix", PEERS, "--no-audit", "--no-fund", "--loglevel=error", *want,
       stdout=subprocess.DEVNULL)
    venv = os.path.join(PEERS, "venv")
    if not os.path.exists(os.path.join(venv, "bin", "pip")):
        sh(sys.executable, "-m", "venv", venv)
    sh(os.path.join(venv, "bin", "pip"), "install", "--quiet", "--disable-pip-version-check",
       *[f"{p}=={v}" for p, v in PYPI.items()])


def draft(rows, errors=0):
    os.makedirs(DRAFTS, exist_ok=True)
    path = os.path.join(DRAFTS, f"rows{rows}-errors{errors}.yaml")
    if not os.path.exists(path):
        with open(path, "wb") as f:
            sh(sys.executable, os.path.join(ROOT, "benches", "generate.py"), str(rows), "--errors", str(errors),
               stdout=f)
    return path


def run_once(cmd, timeout):
    """Wall time in seconds of one process; None on timeout."""
    start = time.perf_counter()
    try:
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    return time.perf_counter() - start


def peak_kib(cmd, timeout):
    """Peak resident memory of one process, by GNU time: a child of Python would count Python's own memory
    in its peak (the high-water mark survives `exec`), a child of the small `time` does not."""
    with tempfile.NamedTemporaryFile("r") as out:
        try:
            subprocess.run([TIME, "-f", "%M", "-o", out.name, *cmd], stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, timeout=timeout)
        except subprocess.TimeoutExpired:
            return None
        return int(out.read().split()[-1])


def timed(cmd, runs, timeout=900):
    walls = []
    for _ in range(runs):
        w = run_once(cmd, timeout)
        if w is None:
            return None
        walls.append(w)
    return {"wall_s": statistics.median(walls), "peak_kib": peak_kib(cmd, timeout), "runs": runs}


def fmt_time(s):
    return f"{s * 1000:.1f} ms" if s < 1 else f"{s:.2f} s"


def main():
    args = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    args.add_argument("--quick", action="store_true")
    quick = args.parse_args().quick
    os.chdir(ROOT)
    install()
    sh("cargo", "build", "--release", "--quiet")
    schema = os.path.join(DRAFTS, "schema.json")
    os.makedirs(DRAFTS, exist_ok=True)
    with open(schema, "w") as f:
        sh(BIN, "schema", stdout=f)

    sizes = [100, 10_000] if quick else [100, 10_000, 100_000]
    files = [("published report", os.path.join(ROOT, "examples", "r6", "report.yaml"))]
    files += [(f"{n:,} rows", draft(n)) for n in sizes]
    ajv = [os.path.join(PEERS, "node_modules", ".bin", "ajv"), "validate", "--spec=draft2020", "-s", schema, "-d"]
    cjs = [os.path.join(PEERS, "venv", "bin", "check-jsonschema"), "--schemafile", schema]
    tools = [("senshin-lint check", lambda f: [BIN, "check", f]), ("ajv validate", lambda f: ajv + [f]),
             ("check-jsonschema", lambda f: cjs + [f])]
    results = {"cli": [], "floor": [], "growth": [], "lsp": []}

    print("## Command line: wall time (median) and peak memory per process\n")
    print("| file | bytes | " + " | ".join(t for t, _ in tools) + " | ajv ÷ senshin-lint | check-jsonschema ÷ senshin-lint |")
    print("|---|---|" + "---|" * (len(tools) + 2))
    for name, path in files:
        size = os.path.getsize(path)
        runs = 1 if quick else (3 if size > 10_000_000 else 10)
        row = {"file": name, "bytes": size}
        for tool, cmd in tools:
            row[tool] = timed(cmd(path), runs if tool == "senshin-lint check" else max(1, runs // 3))
        results["cli"].append(row)
        cells = []
        for tool, _ in tools:
            r = row[tool]
            cells.append("timeout" if r is None else f"{fmt_time(r['wall_s'])}, {r['peak_kib'] / 1024:.0f} MiB")
        base = row["senshin-lint check"]["wall_s"]
        ratios = [f"{row[t]['wall_s'] / base:.1f}×" if row[t] else "–" for t in ("ajv validate", "check-jsonschema")]
        print(f"| {name} | {size:,} | " + " | ".join(cells) + " | " + " | ".join(ratios) + " |", flush=True)

    print("\n## The floor: whole check in process ÷ bare YAML event parse (median)\n")
    print("| file | event parse | whole check | ratio |")
    print("|---|---|---|---|")
    growth_rows = [100, 1_000, 10_000] if quick else [100, 1_000, 10_000, 30_000, 100_000]
    for n in growth_rows:
        path = draft(n)
        runs = "3" if n >= 30_000 else "10"
        out = subprocess.run(["cargo", "bench", "--quiet", "--bench", "floor", "--", path, runs],
                             check=True, capture_output=True, text=True).stdout
        r = json.loads(out.strip().splitlines()[-1])
        r["rows"] = n
        results["floor"].append(r)
        print(f"| {n:,} rows ({r['bytes']:,} bytes) | {r['events_ms']:.1f} ms | {r['check_ms']:.1f} ms "
              f"| {r['ratio']:.2f}× |", flush=True)
    print("\nGrowth of the whole check (in process): " + ", ".join(
        f"{r['rows']:,} rows {r['check_ms'] / r['rows'] * 1000:.1f} µs/row" for r in results["floor"]))

    print("\n## Language servers: open → diagnostics, change → diagnostics (median, p95), peak memory\n")
    yls = ["node", os.path.join(PEERS, "node_modules", "yaml-language-server", "bin", "yaml-language-server"),
           "--stdio"]
    yls_settings = {"yaml": {"validate": True, "schemas": {"file://" + schema: "*.yaml"},
                             "schemaStore": {"enable": False}, "format": {"enable": False}}}
    print("| file | server | open → diagnostics | change → diagnostics (median / p95) | peak memory |")
    print("|---|---|---|---|---|")
    for name, path in files[:3]:
        for server, cmd, settings, edits in [("senshin-lint lsp", [BIN, "lsp"], None, 5 if quick else 100),
                                             ("yaml-language-server", yls, yls_settings, 3 if quick else 20)]:
            r = lsp_latency.measure(cmd, path, edits, settings)
            r.update(file=name, server=server)
            results["lsp"].append(r)
            print(f"| {name} | {server} | {r['open_ms']:.1f} ms | {r['median_ms']:.1f} / {r['p95_ms']:.1f} ms "
                  f"| {r['peak_kib'] / 1024:.0f} MiB |", flush=True)
    for name, _ in files[:3]:
        ours, theirs = [r for r in results["lsp"] if r["file"] == name]
        print(f"{name}: yaml-language-server ÷ senshin-lint, change → diagnostics: "
              f"{theirs['median_ms'] / ours['median_ms']:.0f}×")

    with open(os.path.join(ROOT, "target", "bench-results.json"), "w") as f:
        json.dump(results, f, indent=1)
    print("\nfigures written to target/bench-results.json")


if __name__ == "__main__":
    main()
