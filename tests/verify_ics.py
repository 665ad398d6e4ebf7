#!/usr/bin/env python3
"""Independent check of slate's .ics files with Python's `icalendar` and
`vobject` (two implementations independent of slate's and of each other):
prints one JSON line per event as icalendar reads it (uid, summary, UTC
start and end, location, status, sequence, description) for tests/ics.rs to
compare with the plan and with the `ical` crate — after checking that
vobject reads every event the same (UID, summary, start and end instants,
location); a difference is printed and the exit status is 1.

usage: verify_ics.py FILE.ics
"""
import datetime as dt
import json
import sys

import icalendar
import vobject


def utc(d):
    if not isinstance(d, dt.datetime):
        raise SystemExit(f"date {d!r}: slate writes date-times only")
    if d.tzinfo is None:
        raise SystemExit(f"floating time {d!r}: slate writes zoned or UTC times only")
    return d.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


raw = open(sys.argv[1], "rb").read()

cal = icalendar.Calendar.from_ical(raw)
events = []
for e in cal.walk("VEVENT"):
    events.append({
        "uid": str(e["UID"]),
        "summary": str(e["SUMMARY"]),
        "start": utc(e["DTSTART"].dt),
        "end": utc(e["DTEND"].dt),
        "location": str(e.get("LOCATION", "")),
        "status": str(e.get("STATUS", "")),
        "sequence": int(e.get("SEQUENCE", 0)),
        "description": str(e.get("DESCRIPTION", "")),
    })

# vobject: the same events, the same texts and instants.
v = vobject.readOne(raw.decode("utf-8"))
theirs = []
for e in getattr(v, "vevent_list", []):
    theirs.append({
        "uid": e.uid.value,
        "summary": e.summary.value,
        "start": utc(e.dtstart.value),
        "end": utc(e.dtend.value),
        "location": e.location.value if hasattr(e, "location") else "",
    })
keys = ("uid", "summary", "start", "end", "location")
mine = [{k: e[k] for k in keys} for e in events]
if mine != theirs:
    print(f"icalendar and vobject read {sys.argv[1]} differently "
          f"({len(mine)} and {len(theirs)} events)", file=sys.stderr)
    for a, b in zip(mine, theirs):
        if a != b:
            print(f"  icalendar: {a}\n  vobject:   {b}", file=sys.stderr)
            break
    sys.exit(1)

for e in events:
    print(json.dumps(e, ensure_ascii=False))
