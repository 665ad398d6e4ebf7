#!/usr/bin/env python3
"""Validates slate's schedule feeds against the C3VOC schedule project's
schemas (kept in ../shared/schemas, not copied into slate):

  feeds_check.py SCHEMAS_DIR schedule.xml schedule.json [calendar.ics]

- schedule.xml against schedule.xml.xsd (lxml);
- schedule.json against schedule.schema.json (jsonschema, with formats:
  uuid, uri, date, date-time checked);
- the XML and the JSON hold the same events (guid, id, date, duration,
  title, room, track);
- with a calendar: every event's guid is the UID of one of its VEVENTs
  (without "@slate"), so apps and calendars name a screening alike.

Prints "feeds_check: PASS" or the problems and exits 1."""
import json
import re
import sys

import jsonschema
from lxml import etree


def main():
    schemas, xml_path, json_path = sys.argv[1:4]
    ics_path = sys.argv[4] if len(sys.argv) > 4 else None
    problems = []

    xsd = etree.XMLSchema(etree.parse(f"{schemas}/schedule.xml.xsd"))
    doc = etree.parse(xml_path)
    if not xsd.validate(doc):
        problems += [f"xsd: {e.line}: {e.message}" for e in xsd.error_log]

    schema = json.load(open(f"{schemas}/schedule.schema.json"))
    data = json.load(open(json_path))
    # Every format jsonschema knows (the schema says draft 6 but uses the
    # later drafts' "date" and "uuid"), not draft 6's list alone.
    checker = jsonschema.FormatChecker()
    for needed in ["uuid", "uri", "date", "date-time"]:
        if needed not in checker.checkers:
            problems.append(f"jsonschema cannot check format {needed}: install jsonschema[format-nongpl]")
    validator = jsonschema.Draft6Validator(schema, format_checker=checker)
    for e in validator.iter_errors(data):
        problems.append(f"json schema: {'/'.join(map(str, e.absolute_path))}: {e.message[:300]}")

    xml_events = {}
    for ev in doc.iter("event"):
        xml_events[ev.get("guid")] = (
            int(ev.get("id")), ev.findtext("date"), ev.findtext("duration"),
            ev.findtext("title"), ev.findtext("room"), ev.findtext("track"))
    json_events = {}
    for day in data["schedule"]["conference"]["days"]:
        for room, events in day["rooms"].items():
            for ev in events:
                if ev["room"] != room:
                    problems.append(f"json: event {ev['guid']} in room {room} says {ev['room']}")
                json_events[ev["guid"]] = (
                    ev["id"], ev["date"], ev["duration"], ev["title"], ev["room"], ev["track"])
    if xml_events != json_events:
        only = set(xml_events) ^ set(json_events)
        differ = [g for g in set(xml_events) & set(json_events) if xml_events[g] != json_events[g]]
        problems.append(f"xml and json differ: {len(only)} events in one only, {len(differ)} differ")
    if not xml_events:
        problems.append("no events")

    if ics_path:
        text = open(ics_path, encoding="utf-8").read().replace("\r\n ", "")
        uids = set(re.findall(r"^UID:(.*?)\r?$", text, re.M))
        uids = {u[: -len("@slate")] if u.endswith("@slate") else u for u in uids}
        missing = [g for g in xml_events if g not in uids]
        if missing:
            problems.append(f"{len(missing)} event guids are no UID of the calendar, e.g. {missing[0]}")

    for p in problems:
        print(p)
    print("feeds_check: FAIL" if problems else "feeds_check: PASS")
    print(f"{len(xml_events)} events")
    sys.exit(1 if problems else 0)


main()
