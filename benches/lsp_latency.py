#!/usr/bin/env python3
"""Latency of the language server from a change to its diagnostics, through the real binary over stdio.
Opens a draft, then sends EDITS incremental edits (one digit of a figure, toggled) and times each from the
didChange to the publishDiagnostics of that version. Prints median and 95th percentile, and the server's
peak memory. Usage: benches/lsp_latency.py BINARY FILE [EDITS]"""
import json
import statistics
import subprocess
import sys
import time


def main():
    binary, path = sys.argv[1], sys.argv[2]
    edits = int(sys.argv[3]) if len(sys.argv) > 3 else 200
    text = open(path, encoding="utf-8").read()
    proc = subprocess.Popen([binary, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def send(msg):
        body = json.dumps(msg).encode()
        proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        proc.stdin.flush()

    def recv():
        length = 0
        while True:
            line = proc.stdout.readline().strip()
            if not line:
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        return json.loads(proc.stdout.read(length))

    def wait_diagnostics(version):
        while True:
            msg = recv()
            if msg.get("method") == "textDocument/publishDiagnostics" and msg["params"].get("version") == version:
                return msg["params"]["diagnostics"]

    uri = "file:///bench/draft.yaml"
    send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
    while recv().get("id") != 1:
        pass
    send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    start = time.perf_counter()
    send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
          "params": {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}}})
    wait_diagnostics(1)
    opened = time.perf_counter() - start

    # The figure to toggle: the first `patients:` value (ASCII line, so UTF-16 and character columns agree).
    lines = text.split("\n")
    line = next(i for i, l in enumerate(lines) if l.strip().startswith("patients:"))
    col = len(lines[line]) - 1
    original = lines[line][col]
    other = "0" if original != "0" else "1"
    times = []
    for k in range(edits):
        digit = other if k % 2 == 0 else original
        rng = {"start": {"line": line, "character": col}, "end": {"line": line, "character": col + 1}}
        t0 = time.perf_counter()
        send({"jsonrpc": "2.0", "method": "textDocument/didChange",
              "params": {"textDocument": {"uri": uri, "version": k + 2}, "contentChanges": [{"range": rng, "text": digit}]}})
        wait_diagnostics(k + 2)
        times.append((time.perf_counter() - t0) * 1000)
    with open(f"/proc/{proc.pid}/status") as f:
        peak = next(l.split(":")[1].strip() for l in f if l.startswith("VmHWM"))
    send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    while recv().get("id") != 2:
        pass
    send({"jsonrpc": "2.0", "method": "exit"})
    proc.wait(timeout=10)
    times.sort()
    p95 = times[int(len(times) * 0.95) - 1]
    print(f"{path}: {len(text.encode())} bytes; open → diagnostics {opened * 1000:.1f} ms; "
          f"change → diagnostics over {edits} edits: median {statistics.median(times):.2f} ms, "
          f"p95 {p95:.2f} ms; server peak memory {peak}")


if __name__ == "__main__":
    main()
