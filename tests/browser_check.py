#!/usr/bin/env python3
"""Opens a page written by `slate export html` in headless Chromium and checks it.

Usage: browser_check.py PAGE.html PLAN.json SHOTS_DIR NAME [--expect-text TEXT]...

Checks, against the plan the page was made from:
  - the grid holds exactly one block per screening, each where the plan puts
    it (day, venue, start time);
  - blocks are sized by their real length (pixels per minute the same for
    every block) and no two blocks in one venue column overlap;
  - the console shows no errors and the page raises none;
  - the page makes no network request besides loading itself;
  - no injected script ran (window.__slateInjected stays undefined), the DOM
    holds no <script> but the schema.org data block (never run) and no inline
    event handler, and every --expect-text
    shows as text;
  - every visible text has WCAG AA contrast against its background;
  - on a phone the page itself does not scroll sideways (the grid does);
    it opens on the agenda (above the grid), which lists every screening of
    the plan once, each with its time, venue, films, series and calendar
    link, all within the screen; nothing is clipped: no agenda entry or
    header hides part of its content, every grid block shows its time, its
    series letter or line and its first title, and when a grid is scrolled
    to its far right each day's name still shows beside the sticky time
    column (element boxes compared);
  - on a desktop the agenda is hidden (the grid shows the same).
Saves screenshots (desktop, phone, print) as SHOTS_DIR/NAME-*.png and the
printed booklet as SHOTS_DIR/NAME.pdf.
Prints one JSON line of figures; exits 1 with the failures listed.

Chromium comes from Debian (/usr/bin/chromium, or $CHROMIUM), driven by
playwright-core's Python package without its own browser downloads.
"""

import json
import os
import re
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

MAX_SHOT = 5000

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
]

BLOCKS_JS = """() => [...document.querySelectorAll('.grid .screening')].map(b => {
  const r = b.getBoundingClientRect();
  const t = b.querySelector('time');
  return {day: b.dataset.day, venue: b.dataset.venue, start: t ? t.getAttribute('datetime') : null,
          top: r.top + window.scrollY, bottom: r.bottom + window.scrollY,
          left: r.left, right: r.right, lane: b.closest('td') ? [...b.closest('tr').children].indexOf(b.closest('td')) : -1};
})"""

PHONE_JS = """() => {
  const box = el => { const r = el.getBoundingClientRect(); return {top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right, width: r.width, height: r.height}; };
  const agenda = document.querySelector('#agenda');
  const grid = document.querySelector('.grid');
  const shown = el => el && getComputedStyle(el).display !== 'none' && el.getClientRects().length > 0;
  const out = {agenda: agenda ? box(agenda) : null, agendaShown: shown(agenda), gridTop: grid ? box(grid).top : null, width: innerWidth,
               calendars: !!document.querySelector('#calendars')};
  out.entries = [...document.querySelectorAll('#agenda .agenda-entry')].map(li => {
    const closed = li.closest('details:not([open])');
    if (closed) closed.open = true;
    const b = box(li);
    return {id: li.dataset.screening, box: b,
      parts: ['.time', '.venue', '.films a', '.series .key', '.add a'].filter(q => { const el = li.querySelector(q); return el && el.textContent.trim(); }).length,
      clipped: li.scrollHeight > li.clientHeight + 1 || li.scrollWidth > li.clientWidth + 1};
  });
  const inside = (inner, outer) => inner.top >= outer.top - 1 && inner.bottom <= outer.bottom + 1 && inner.left >= outer.left - 1 && inner.right <= outer.right + 1;
  const clipped = [];
  for (const th of document.querySelectorAll('.grid thead th')) {
    if (th.scrollWidth > th.clientWidth + 1) clipped.push('header ' + th.textContent.trim());
  }
  for (const b of document.querySelectorAll('.grid .screening')) {
    const bb = b.getBoundingClientRect();
    const time = b.querySelector('.time');
    const key = b.querySelector('.time .key');
    const title = b.querySelector('.films a');
    const lh = title ? parseFloat(getComputedStyle(title).lineHeight) || 16 : 0;
    for (const [what, el] of [['time', time], ['series', key]]) {
      if (!el || !inside(el.getBoundingClientRect(), bb)) clipped.push(what + ' of block ' + b.id);
    }
    if (!title || title.getBoundingClientRect().top + lh > bb.bottom + 1) clipped.push('title of block ' + b.id);
  }
  const hidden = [];
  // Each day's header scrolled in under the sticky time column (its start
  // 60px under it): the day's name must still show beside the column.
  for (const sc of document.querySelectorAll('.scroll')) {
    const axis = sc.querySelector('.axis-h');
    for (const d of sc.querySelectorAll('.day-h')) {
      sc.scrollLeft = 0;
      const edge0 = axis ? axis.getBoundingClientRect().right : sc.getBoundingClientRect().left;
      sc.scrollLeft = Math.max(0, d.getBoundingClientRect().left - edge0 + 60);
      const edge = axis ? axis.getBoundingClientRect().right : sc.getBoundingClientRect().left;
      const span = d.querySelector('span');
      const r = span.getBoundingClientRect();
      const room = d.getBoundingClientRect().right - edge;
      if (room >= r.width && (r.left < edge - 1 || r.right > sc.getBoundingClientRect().right + 1)) hidden.push(span.textContent.trim());
    }
    sc.scrollLeft = 0;
  }
  out.clipped = clipped;
  out.dayNamesHidden = hidden;
  return out;
}"""

# Every element with its own visible text: its colour against the first
# opaque background behind it (WCAG 2 contrast), and whether it is large text.
CONTRAST_JS = """() => {
  const rgb = s => { const m = s.match(/[\\d.]+/g).map(Number); return {r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1}; };
  const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
                     return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
  const bg = e => { for (; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor); if (c.a > 0.5) return c; } return {r:255,g:255,b:255,a:1}; };
  const out = [];
  for (const e of document.querySelectorAll('body *')) {
    if (![...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
    const st = getComputedStyle(e);
    if (st.visibility === 'hidden' || st.display === 'none' || e.closest('svg') || e.closest('.sr')) continue;
    const a = lum(rgb(st.color)), b = lum(bg(e));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const size = parseFloat(st.fontSize), bold = parseInt(st.fontWeight) >= 700;
    const large = size >= 24 || (bold && size >= 18.66);
    out.push({text: e.textContent.trim().slice(0, 40), ratio: Math.round(ratio * 100) / 100, need: large ? 3 : 4.5});
  }
  return out;
}"""

INJECTION_JS = """() => ({
  injected: window.__slateInjected === undefined ? null : String(window.__slateInjected),
  scripts: document.querySelectorAll('script:not([type="application/ld+json"])').length,
  handlers: [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).map(e => e.outerHTML.slice(0, 80)),
  javascriptLinks: [...document.querySelectorAll('a[href]')].filter(a => a.getAttribute('href').trim().toLowerCase().startsWith('javascript:')).length,
  iframes: document.querySelectorAll('iframe, object, embed, img').length,
  text: document.body.innerText,
})"""


def minutes(a, b):
    from datetime import datetime

    return (datetime.fromisoformat(b) - datetime.fromisoformat(a)).total_seconds() / 60


def main():
    argv = sys.argv[1:]
    expect = []
    while "--expect-text" in argv:
        i = argv.index("--expect-text")
        expect.append(argv[i + 1])
        del argv[i : i + 2]
    page_path, plan_path, shots, name = argv
    page_path = Path(page_path).resolve()
    plan = json.loads(Path(plan_path).read_text())
    shots = Path(shots)
    shots.mkdir(parents=True, exist_ok=True)
    url = page_path.as_uri()
    failures = []
    console_errors, page_errors, requests = [], [], []
    figures = {"name": name}
    with sync_playwright() as p:
        # playwright starts Chromium with a fresh temporary --user-data-dir.
        browser = p.chromium.launch(
            executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
            args=ARGS,
            headless=True,
        )
        for label, viewport, media in [
            ("desktop", {"width": 1280, "height": 900}, "screen"),
            ("phone", {"width": 390, "height": 844}, "screen"),
            ("print", {"width": 794, "height": 1123}, "print"),
        ]:
            ctx = browser.new_context(viewport=viewport, java_script_enabled=True)
            page = ctx.new_page()
            page.on(
                "console",
                lambda m, label=label: console_errors.append(f"{label}: {m.text}")
                if m.type == "error"
                else None,
            )
            page.on("pageerror", lambda e, label=label: page_errors.append(f"{label}: {e}"))
            page.on(
                "request",
                lambda r: requests.append(r.url) if r.url != url else None,
            )
            page.emulate_media(media=media)
            page.goto(url, wait_until="load")
            page.wait_for_timeout(200)
            if label == "desktop":
                check_grid(page, plan, failures, figures)
                check_injection(page, expect, failures)
                contrast = page.evaluate(CONTRAST_JS)
                low = [c for c in contrast if c["ratio"] < c["need"]]
                figures["min_contrast"] = min((c["ratio"] for c in contrast), default=None)
                if low:
                    failures.append(f"text below WCAG AA contrast: {low[:5]}")
            if label == "desktop" and plan["screenings"]:
                if page.evaluate("() => { const a = document.querySelector('#agenda'); return !!a && getComputedStyle(a).display !== 'none'; }"):
                    failures.append("on a desktop the agenda shows (the grid is enough)")
            if label == "phone":
                check_phone(page, plan, failures, figures)
                overflow = page.evaluate(
                    "() => document.documentElement.scrollWidth - window.innerWidth"
                )
                figures["phone_page_overflow_px"] = overflow
                if overflow > 1:
                    failures.append(
                        f"on a phone the page scrolls sideways by {overflow}px (only the grid should)"
                    )
            # Whole pages up to a limit (Chromium times out on very tall
            # ones); beyond it, the top of the page: header and first days.
            height = page.evaluate("() => document.documentElement.scrollHeight")
            width = viewport["width"]
            shot = shots / f"{name}-{label}.png"
            page.set_viewport_size({"width": width, "height": min(height, MAX_SHOT)})
            page.screenshot(path=str(shot))
            if label == "print":
                pdf = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
                (shots / f"{name}.pdf").write_bytes(pdf)
                figures["print_pages"] = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
            ctx.close()
        browser.close()
    if console_errors:
        failures.append(f"console errors: {console_errors}")
    if page_errors:
        failures.append(f"page errors: {page_errors}")
    if requests:
        failures.append(f"network requests: {sorted(set(requests))}")
    figures["requests"] = len(requests)
    figures["console_errors"] = len(console_errors)
    print(json.dumps(figures, sort_keys=True))
    if failures:
        for f in failures:
            print("FAIL:", f, file=sys.stderr)
        sys.exit(1)


def check_phone(page, plan, failures, figures):
    got = page.evaluate(PHONE_JS)
    ids = [s["id"] for s in plan["screenings"]]
    if ids:
        if not got["agendaShown"]:
            failures.append("on a phone the agenda is not shown")
        elif got["gridTop"] is not None and got["agenda"]["top"] > got["gridTop"]:
            failures.append("on a phone the agenda comes after the grid")
    listed = [e["id"] for e in got["entries"]]
    if sorted(listed) != sorted(ids):
        missing = sorted(set(ids) - set(listed))
        extra = sorted(set(listed) - set(ids))
        failures.append(f"the agenda does not list each screening once: missing {missing[:5]}, extra {extra[:5]}, {len(listed)} entries for {len(ids)}")
    off = [e["id"] for e in got["entries"] if e["box"]["width"] <= 0 or e["box"]["left"] < -1 or e["box"]["right"] > got["width"] + 1]
    if off:
        failures.append(f"agenda entries off the screen: {off[:5]}")
    # The calendar link, when the page was published with calendars.
    parts = 5 if got["calendars"] else 4
    lacking = [e["id"] for e in got["entries"] if e["parts"] < parts]
    if lacking:
        failures.append(f"agenda entries without time, venue, films, series and calendar link: {lacking[:5]}")
    clipped = [e["id"] for e in got["entries"] if e["clipped"]] + got["clipped"]
    if clipped:
        failures.append(f"on a phone, clipped: {clipped[:8]} ({len(clipped)} in all)")
    if got["dayNamesHidden"]:
        failures.append(f"day names hidden under the time column: {got['dayNamesHidden'][:5]}")
    figures["phone_agenda_entries"] = len(listed)
    figures["phone_clipped"] = len(clipped)


def check_grid(page, plan, failures, figures):
    blocks = page.evaluate(BLOCKS_JS)
    screenings = plan["screenings"]
    figures["blocks"] = len(blocks)
    figures["screenings"] = len(screenings)
    if len(blocks) != len(screenings):
        failures.append(f"{len(blocks)} blocks for {len(screenings)} screenings")
    want = sorted((s["day"], s["venue"], s["start"]) for s in screenings)
    got = sorted((b["day"], b["venue"], b["start"]) for b in blocks)
    if want != got:
        missing = sorted(set(want) - set(got))[:5]
        extra = sorted(set(got) - set(want))[:5]
        failures.append(f"blocks do not match the plan: missing {missing}, unexpected {extra}")
    by_start = {(s["day"], s["venue"], s["start"]): s for s in screenings}
    ratios = []
    for b in blocks:
        s = by_start.get((b["day"], b["venue"], b["start"]))
        if s is None:
            continue
        length = minutes(s["start"], s["end"])
        if length > 0:
            ratios.append((b["bottom"] - b["top"]) / length)
    if ratios:
        spread = max(ratios) - min(ratios)
        figures["px_per_minute"] = round(sum(ratios) / len(ratios), 3)
        # Within a pixel over a three-hour block.
        if spread > 1 / 180:
            failures.append(
                f"block heights are not proportional to length: px/min from {min(ratios):.3f} to {max(ratios):.3f}"
            )
    overlaps = 0
    columns = {}
    for b in blocks:
        columns.setdefault((b["day"], b["venue"]), []).append(b)
    for key, col in columns.items():
        lanes = {b["lane"] for b in col}
        if len(lanes) != 1:
            failures.append(f"screenings of {key} sit in {len(lanes)} columns")
        col.sort(key=lambda b: b["top"])
        for a, b in zip(col, col[1:]):
            if b["top"] < a["bottom"] - 0.5:
                overlaps += 1
                failures.append(f"blocks overlap in {key}: {a['start']} and {b['start']}")
            if a["start"] > b["start"]:
                failures.append(f"blocks out of time order in {key}")
    figures["overlaps"] = overlaps
    figures["columns"] = len(columns)


def check_injection(page, expect, failures):
    r = page.evaluate(INJECTION_JS)
    if r["injected"] is not None:
        failures.append(f"an injected script ran: window.__slateInjected = {r['injected']!r}")
    if r["scripts"]:
        failures.append(f"the page holds {r['scripts']} <script> elements")
    if r["handlers"]:
        failures.append(f"elements with inline event handlers: {r['handlers'][:3]}")
    if r["javascriptLinks"]:
        failures.append(f"{r['javascriptLinks']} javascript: links")
    if r["iframes"]:
        failures.append(f"{r['iframes']} img/iframe/object/embed elements")
    for t in expect:
        if t not in r["text"]:
            failures.append(f"the text {t!r} does not show on the page")


if __name__ == "__main__":
    main()
