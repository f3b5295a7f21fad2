#!/usr/bin/env bash
# Runs the repository's pre-commit hook (language: rust, built from source), as a user would, on a temporary repository holding a broken and a
# clean draft: the hook must fail on the broken one and pass once only clean drafts remain.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
git init -q .
git config user.email ci@example.invalid
git config user.name ci
cp "$repo/examples/broken/report.yaml" broken.yaml
cp "$repo/examples/small/report.yaml" clean.yaml
printf 'on: push\njobs: {}\n' > ci.yml
git add . && git commit -qm drafts
# A new hook environment, so that the first run's time is the build's (compare .ci/no-toolchain.sh's).
export PRE_COMMIT_HOME="$work/pre-commit"
start=$(date +%s%N)
if pre-commit try-repo "$repo" senshin-lint --all-files >"$work/broken.log" 2>&1; then
  cat "$work/broken.log"
  echo "the hook passed a broken draft" >&2
  exit 1
fi
grep -q "summary-vs-costs" "$work/broken.log"
echo "pre-commit (language: rust, from source): first run, hook built, $((($(date +%s%N) - start) / 1000000)) ms"
git rm -q broken.yaml && git commit -qm "only clean"
pre-commit try-repo "$repo" senshin-lint --all-files
echo "pre-commit hook: ok"
