#!/usr/bin/env python3
"""Independent check of slate's .ics files with Python's `icalendar`: prints
one JSON line per event (uid, summary, UTC start and end, location, status,
sequence, description) for tests/ics.rs to compare with the plan.

usage: verify_ics.py FILE.ics
"""
import datetime as dt
import json
import sys

import icalendar


def utc(value):
    d = value.dt
    if d.tzinfo is None:
        raise SystemExit(f"floating time {d!r}: slate writes zoned or UTC times only")
    return d.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
for e in cal.walk("VEVENT"):
    print(json.dumps({
        "uid": str(e["UID"]),
        "summary": str(e["SUMMARY"]),
        "start": utc(e["DTSTART"]),
        "end": utc(e["DTEND"]),
        "location": str(e.get("LOCATION", "")),
        "status": str(e.get("STATUS", "")),
        "sequence": int(e.get("SEQUENCE", 0)),
        "description": str(e.get("DESCRIPTION", "")),
    }, ensure_ascii=False))
