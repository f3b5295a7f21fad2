#!/usr/bin/env python3
"""Validates SARIF files against the SARIF 2.1.0 JSON Schema (draft-04). The schema's own `format: regex`
patterns use ECMA syntax that check-jsonschema's metaschema check rejects, so the validator is used directly.
Usage: validate_sarif.py SCHEMA FILE..."""
import json
import sys

import jsonschema

schema = json.load(open(sys.argv[1]))
validator = jsonschema.Draft4Validator(schema)
failed = False
for path in sys.argv[2:]:
    errors = list(validator.iter_errors(json.load(open(path))))
    for e in errors[:5]:
        print(f"{path}: {'/'.join(map(str, e.absolute_path))}: {e.message[:200]}")
    failed |= bool(errors)
    print(f"{path}: {'invalid' if errors else 'valid'} SARIF 2.1.0")
# The validator must reject a broken log, or the check proves nothing.
broken = json.load(open(sys.argv[2]))
broken["runs"][0]["tool"]["driver"].pop("name")
if validator.is_valid(broken):
    print("the schema accepted a log without a tool name")
    failed = True
sys.exit(1 if failed else 0)
