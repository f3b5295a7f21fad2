#!/usr/bin/env bash
# senshin-lint as someone without a Rust toolchain gets it, from the artefacts of .ci/package: the wheel in a
# new virtual environment, the pre-commit hook installed from that wheel, and the binary inside the .vsix. From
# here on no Rust tool is on PATH.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
art="$repo/target/artifacts"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bare="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
if PATH="$bare" command -v cargo >/dev/null || PATH="$bare" command -v rustc >/dev/null; then
  echo "a Rust tool is still on PATH: this would not test an install without one" >&2
  exit 1
fi
# A user's shell: no Rust on PATH, a home of its own, a UTF-8 locale.
as_user() { env -i HOME="$work/home" PATH="$1:$bare" LANG=C.UTF-8 "${@:2}"; }
mkdir -p "$work/home"

# The published report's four findings, exit 1 (two are errors).
expect_findings() {
  local status=0
  "$@" check --lang en "$repo/examples/r6/report.yaml" >"$work/out.txt" || status=$?
  if [ "$status" != 1 ]; then cat "$work/out.txt"; echo "exit $status, expected 1" >&2; exit 1; fi
  for rule in summary-vs-costs history-vs-report prior-cases mixed-punctuation; do
    grep -q "\[$rule\]" "$work/out.txt" || { cat "$work/out.txt"; echo "no $rule finding" >&2; exit 1; }
  done
}

# 1. The wheel, in a new virtual environment.
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check --no-index "$art"/senshin_lint-*.whl
expect_findings as_user "$work/venv/bin" senshin-lint
as_user "$work/venv/bin" python3 "$repo/.ci/lsp_initialize.py" senshin-lint
echo "wheel: installed, checks the published report, answers initialize"

# 2. The pre-commit hook exactly as the README gives it (language: python, the package from the index). The index is a
# folder here (PIP_NO_INDEX, PIP_FIND_LINKS) holding this wheel and what pre-commit's own environment needs
# from the index (setuptools, wheel); the hook's environment is new (PRE_COMMIT_HOME).
python3 -m pip download --quiet --disable-pip-version-check --dest "$work/index" setuptools wheel
cp "$art"/senshin_lint-*.whl "$work/index/"
version=$(python3 -c 'import tomllib; print(tomllib.load(open("'"$repo"'/Cargo.toml", "rb"))["package"]["version"])')
python3 -m venv "$work/pc" && "$work/pc/bin/pip" install --quiet --disable-pip-version-check pre-commit
mkdir "$work/drafts" && cd "$work/drafts"
git init -q . && git config user.email ci@example.invalid && git config user.name ci
cp "$repo/examples/broken/report.yaml" broken.yaml
cp "$repo/examples/small/report.yaml" clean.yaml
# The configuration is the README's own, taken from it (the block that installs from the index).
python3 - "$repo/README.md" >.pre-commit-config.yaml <<'PY'
import re, sys
blocks = re.findall(r"```yaml\n(.*?)```", open(sys.argv[1], encoding="utf-8").read(), re.S)
(config,) = [b for b in blocks if "repo: local" in b and "language: python" in b]
print(config, end="")
PY
grep -q "senshin-lint==$version" .pre-commit-config.yaml || { echo "the README's hook is not pinned to $version" >&2; exit 1; }
git add . && git commit -qm drafts
hook() {
  env -i HOME="$work/home" PATH="$work/pc/bin:$bare" LANG=C.UTF-8 PRE_COMMIT_HOME="$work/pre-commit" \
    PIP_NO_INDEX=1 PIP_FIND_LINKS="$work/index" pre-commit run --all-files
}
start=$(date +%s%N)
if hook >"$work/hook.log" 2>&1; then cat "$work/hook.log"; echo "the hook passed a broken draft" >&2; exit 1; fi
first=$((($(date +%s%N) - start) / 1000000))
grep -q "summary-vs-costs" "$work/hook.log" || { cat "$work/hook.log"; echo "the hook did not report the fault" >&2; exit 1; }
git rm -q broken.yaml && git commit -qm "only clean"
hook >"$work/hook.log" 2>&1 || { cat "$work/hook.log"; echo "the hook failed a clean draft" >&2; exit 1; }
echo "pre-commit (language: python, from the wheel): first run, hook installed, $first ms (target: under 30 s)"
cd "$repo"

# 3. The .vsix: the binary is inside and runs.
mkdir "$work/vsix" && (cd "$work/vsix" && python3 -m zipfile -e "$art"/*.vsix .)
chmod +x "$work/vsix/extension/bin/senshin-lint"
expect_findings as_user "$work/vsix/extension/bin" senshin-lint
echo ".vsix: carries the binary at extension/bin/senshin-lint, which checks the published report"

# 4. dist's shell installer, as `curl … | sh` runs it, fetching the archive from a server on loopback standing
# in for the release page (SENSHIN_LINT_DOWNLOAD_URL), installing into a new home's ~/.local/bin.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$art" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do python3 -c "import socket; socket.create_connection(('127.0.0.1', $port))" 2>/dev/null && break; sleep 0.1; done
env -i HOME="$work/home" PATH="$bare" SENSHIN_LINT_DOWNLOAD_URL="http://127.0.0.1:$port" \
  sh "$art/senshin-lint-installer.sh" >"$work/install.log" 2>&1 || { cat "$work/install.log"; exit 1; }
expect_findings as_user "$work/home/.local/bin" senshin-lint
echo "shell installer: installed into ~/.local/bin, which checks the published report"
