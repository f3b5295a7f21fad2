"""Starts `senshin-lint lsp` (the program named on the command line) and requires an answer to `initialize`
naming the server and offering its features, then shuts it down: a language server that answers, as an editor
would first see it."""

import json
import subprocess
import sys


def send(proc, message):
    body = json.dumps(message).encode()
    proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    proc.stdin.flush()


def receive(proc):
    length = None
    while True:
        line = proc.stdout.readline()
        if not line:
            sys.exit("the server closed its output before answering")
        if line in (b"\r\n", b"\n"):
            break
        name, _, value = line.decode().partition(":")
        if name.lower() == "content-length":
            length = int(value)
    return json.loads(proc.stdout.read(length))


def main():
    proc = subprocess.Popen([sys.argv[1], "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    send(proc, {"jsonrpc": "2.0", "id": 1, "method": "initialize",
                "params": {"processId": None, "rootUri": None, "capabilities": {}}})
    while True:
        answer = receive(proc)
        if answer.get("id") == 1:
            break
    result = answer["result"]
    assert result["serverInfo"]["name"] == "senshin-lint", result
    for feature in ("hoverProvider", "codeActionProvider", "inlayHintProvider"):
        assert result["capabilities"].get(feature), feature
    send(proc, {"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    while receive(proc).get("id") != 2:
        pass
    send(proc, {"jsonrpc": "2.0", "method": "exit"})
    code = proc.wait(timeout=10)
    print(f"lsp: initialize answered by {result['serverInfo']['name']} {result['serverInfo'].get('version')}, exit {code}")
    sys.exit(code)


main()
