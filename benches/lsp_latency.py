#!/usr/bin/env python3
"""Latency of a language server from a change to its diagnostics, through the real process over stdio.
Opens a draft, then sends EDITS edits (one digit of a figure, toggled) and times each from the didChange to
the next publishDiagnostics for the document. Prints the time from opening to the first diagnostics, the
median and 95th percentile per change, and the server's peak memory.

Usage: benches/lsp_latency.py BINARY FILE [EDITS]   (BINARY is senshin-lint; `compare.py` also runs other
servers through `measure`)."""
import json
import os
import statistics
import subprocess
import sys
import time


class Server:
    def __init__(self, command, settings=None):
        self.proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL)
        self.settings = settings or {}
        self.next_id = 1

    def send(self, msg):
        body = json.dumps(msg).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def recv(self):
        length = 0
        while True:
            line = self.proc.stdout.readline()
            if not line:
                raise EOFError("the server closed its output")
            line = line.strip()
            if not line:
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        msg = json.loads(self.proc.stdout.read(length))
        if "method" in msg and "id" in msg:
            self.answer(msg)
        return msg

    def answer(self, request):
        """Requests from the server: its configuration from `settings`, anything else acknowledged."""
        result = None
        if request["method"] == "workspace/configuration":
            result = [self.settings.get(item.get("section"), None) for item in request["params"]["items"]]
        self.send({"jsonrpc": "2.0", "id": request["id"], "result": result})

    def request(self, method, params):
        rid = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        while True:
            msg = self.recv()
            if msg.get("id") == rid and "method" not in msg:
                return msg

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def diagnostics(self, uri):
        while True:
            msg = self.recv()
            if msg.get("method") == "textDocument/publishDiagnostics" and msg["params"]["uri"] == uri:
                return msg["params"]["diagnostics"]

    def peak_kib(self):
        with open(f"/proc/{self.proc.pid}/status") as f:
            return int(next(l.split()[1] for l in f if l.startswith("VmHWM")))

    def stop(self):
        try:
            self.request("shutdown", None)
            self.notify("exit", None)
            self.proc.wait(timeout=10)
        except Exception:
            self.proc.kill()


def measure(command, path, edits, settings=None):
    """Opens `path` in the server `command`, then times `edits` changes. Returns a dict of figures."""
    text = open(path, encoding="utf-8").read()
    uri = "file://" + os.path.abspath(path)
    server = Server(command, settings)
    root = "file://" + os.path.dirname(os.path.abspath(path))
    caps = {"textDocument": {"publishDiagnostics": {}, "synchronization": {"dynamicRegistration": False}},
            "workspace": {"configuration": True}}
    init = server.request("initialize", {"processId": os.getpid(), "rootUri": root, "capabilities": caps})
    sync = init["result"]["capabilities"].get("textDocumentSync", 1)
    incremental = (sync.get("change", 1) if isinstance(sync, dict) else sync) == 2
    server.notify("initialized", {})
    if settings:
        server.notify("workspace/didChangeConfiguration", {"settings": settings})
    start = time.perf_counter()
    server.notify("textDocument/didOpen",
                  {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}})
    first = server.diagnostics(uri)
    opened = (time.perf_counter() - start) * 1000

    # The figure to toggle: the first `patients:` value (an ASCII line, so every column unit agrees).
    lines = text.split("\n")
    line = next(i for i, l in enumerate(lines) if l.strip().startswith("patients:"))
    col = len(lines[line]) - 1
    original = lines[line][col]
    other = "0" if original != "0" else "1"
    times = []
    for k in range(edits):
        digit = other if k % 2 == 0 else original
        if incremental:
            rng = {"start": {"line": line, "character": col}, "end": {"line": line, "character": col + 1}}
            change = {"range": rng, "text": digit}
        else:
            lines[line] = lines[line][:col] + digit
            change = {"text": "\n".join(lines)}
        t0 = time.perf_counter()
        server.notify("textDocument/didChange",
                      {"textDocument": {"uri": uri, "version": k + 2}, "contentChanges": [change]})
        server.diagnostics(uri)
        times.append((time.perf_counter() - t0) * 1000)
    peak = server.peak_kib()
    server.stop()
    times.sort()
    return {"bytes": len(text.encode()), "open_ms": opened, "first_diagnostics": len(first),
            "median_ms": statistics.median(times), "p95_ms": times[max(0, int(len(times) * 0.95) - 1)],
            "peak_kib": peak, "edits": edits}


def main():
    binary, path = sys.argv[1], sys.argv[2]
    edits = int(sys.argv[3]) if len(sys.argv) > 3 else 200
    r = measure([binary, "lsp"], path, edits)
    print(f"{path}: {r['bytes']} bytes; open → diagnostics {r['open_ms']:.1f} ms; change → diagnostics over "
          f"{edits} edits: median {r['median_ms']:.2f} ms, p95 {r['p95_ms']:.2f} ms; server peak memory "
          f"{r['peak_kib'] / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
