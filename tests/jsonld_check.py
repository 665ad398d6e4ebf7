#!/usr/bin/env python3
"""Reads the schema.org JSON-LD of a slate page back as JSON-LD (pyld's
expansion, with schema.org's context served locally: no network) and holds
each ScreeningEvent to Google's event properties:

  jsonld_check.py PAGE.html [EXPECTED_EVENTS]

required: name, startDate (with a UTC offset), location (a Place with a
name and an address); recommended and checked: endDate, eventStatus (one
of schema.org's statuses), description, organizer; each workPresented a
Movie with a name; offers (when any) Offers with a url or a decimal price
and an ISO 4217 currency; inLanguage and subtitleLanguage BCP 47 tags. Prints "jsonld_check: PASS" and counts by status."""
import html.parser
import json
import re
import sys

from pyld import jsonld

S = "http://schema.org/"
OFFSET = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?([+-]\d\d:\d\d|Z)$")
STATUSES = {S + s for s in ["EventScheduled", "EventRescheduled", "EventCancelled",
                            "EventPostponed", "EventMovedOnline"]}


class Blocks(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.inside = False
        self.blocks = []

    def handle_starttag(self, tag, attrs):
        if tag == "script" and dict(attrs).get("type") == "application/ld+json":
            self.inside = True
            self.blocks.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self.inside = False

    def handle_data(self, data):
        if self.inside:
            self.blocks[-1] += data


def loader(url, options=None):
    # schema.org's context maps every term into its vocabulary.
    if url.rstrip("/") in ("https://schema.org", "http://schema.org"):
        return {"contentType": "application/ld+json", "contextUrl": None,
                "documentUrl": url, "document": {"@context": {"@vocab": S}}}
    raise ValueError(f"no network here: {url}")


def one(node, prop):
    values = node.get(S + prop, [])
    return values[0] if values else None


def value(node, prop):
    v = one(node, prop)
    return None if v is None else v.get("@value", v.get("@id"))


def main():
    page = open(sys.argv[1], encoding="utf-8").read()
    expected = int(sys.argv[2]) if len(sys.argv) > 2 else None
    parser = Blocks()
    parser.feed(page)
    problems = []
    if len(parser.blocks) != 1:
        problems.append(f"{len(parser.blocks)} JSON-LD blocks, expected 1")
    jsonld.set_document_loader(loader)
    events = []
    for block in parser.blocks:
        doc = json.loads(block)
        for node in jsonld.expand(doc):
            graph = node.get("@graph", [node])
            events += [n for n in graph if S + "ScreeningEvent" in n.get("@type", [])]
    counts = {}
    offers_without_currency = []
    for ev in events:
        name = value(ev, "name")
        where = f"event {name!r}"
        for prop in ["name", "startDate", "endDate", "description"]:
            if not value(ev, prop):
                problems.append(f"{where}: no {prop}")
        for prop in ["startDate", "endDate"]:
            if value(ev, prop) and not OFFSET.match(value(ev, prop)):
                problems.append(f"{where}: {prop} {value(ev, prop)} has no UTC offset")
        # Written as https://schema.org/… (as Google's examples do).
        status = (value(ev, "eventStatus") or "").replace("https://", "http://")
        if status not in STATUSES:
            problems.append(f"{where}: eventStatus {status!r}")
        counts[status] = counts.get(status, 0) + 1
        place = one(ev, "location")
        if not place or S + "Place" not in place.get("@type", []):
            problems.append(f"{where}: location is not a Place")
        elif not value(place, "name") or one(place, "address") is None:
            problems.append(f"{where}: the Place has no name or no address")
        org = one(ev, "organizer")
        if not org or not value(org, "name"):
            problems.append(f"{where}: no organizer")
        if status != S + "EventCancelled":
            films = ev.get(S + "workPresented", [])
            if not films:
                problems.append(f"{where}: no workPresented")
            for f in films:
                if S + "Movie" not in f.get("@type", []) or not value(f, "name"):
                    problems.append(f"{where}: a workPresented is not a named Movie")
        # Offers, as Google reads them: an Offer with a ticket url or a
        # price; a price is a decimal number with an ISO 4217 currency
        # (or 0 for a free screening).
        for offer in ev.get(S + "offers", []):
            if S + "Offer" not in offer.get("@type", []):
                problems.append(f"{where}: an offer is not an Offer")
            price, currency = value(offer, "price"), value(offer, "priceCurrency")
            if not value(offer, "url") and price is None:
                problems.append(f"{where}: an offer with neither url nor price")
            if price is not None and not re.fullmatch(r"\d+(\.\d\d)?", str(price)):
                problems.append(f"{where}: price {price!r} is not a decimal number")
            if currency is not None and not re.fullmatch(r"[A-Z]{3}", currency):
                problems.append(f"{where}: priceCurrency {currency!r}")
            if price not in (None, "0") and currency is None:
                offers_without_currency.append(where)
            counts["offers"] = counts.get("offers", 0) + 1
        for prop in ["inLanguage", "subtitleLanguage"]:
            for tag in ev.get(S + prop, []):
                t = tag.get("@value", "")
                if not re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]{1,8})*", t):
                    problems.append(f"{where}: {prop} {t!r} is not a BCP 47 tag")
        if status == S + "EventRescheduled" and not value(ev, "previousStartDate"):
            problems.append(f"{where}: rescheduled without previousStartDate")
    if expected is not None and len(events) != expected:
        problems.append(f"{len(events)} ScreeningEvents, expected {expected}")
    for p in problems[:20]:
        print(p)
    if offers_without_currency:
        # A price whose text names no currency ("$10") is left without one:
        # reported, not a failure.
        print(f"{len(offers_without_currency)} offers without a currency")
    print(json.dumps({k.replace(S, ""): v for k, v in sorted(counts.items())}))
    print("jsonld_check: FAIL" if problems else "jsonld_check: PASS")
    sys.exit(1 if problems else 0)


main()
