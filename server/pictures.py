"""Pictures drawn on the server as SVG: an entity's timeline and a country's network of relations.

Every label is escaped; the SVG is inline in the page, so it needs no script and no network.
"""

from __future__ import annotations

import math
from html import escape

PALETTE = ["#1d3557", "#e63946", "#2a9d8f", "#e9c46a", "#6a4c93", "#f4a261", "#457b9d", "#8ab17d",
           "#d62828", "#3a86ff", "#8d99ae", "#b5838d"]


def _year(date: str, end: bool = False) -> float:
    """A date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, negative years allowed) as a fractional year;
    a bare year or month is placed in its middle, or at its end for the end of a span."""
    neg = date.startswith("-")
    parts = date.lstrip("-").split("-")
    y = int(parts[0]) * (-1 if neg else 1)
    if len(parts) == 1:
        return y + (1.0 if end else 0.5)
    m = int(parts[1])
    d = int(parts[2][:2]) if len(parts) > 2 else (30 if end else 15)
    return y + (m - 1) / 12 + d / 366


def colour(kinds) -> dict[str, str]:
    """A distinct colour for each kind of event (hues a golden angle apart), stable for the same kinds."""
    kinds = sorted(set(kinds))
    if len(kinds) <= len(PALETTE):
        return {k: PALETTE[i] for i, k in enumerate(kinds)}
    return {k: f"hsl({round(i * 137.5) % 360},62%,42%)" for i, k in enumerate(kinds)}  # golden angle


def timeline_svg(events: list[dict], width: int = 960) -> str | None:
    """A horizontal timeline, one row per kind of event. Each event is a dict with ``date``,
    ``end`` (may be empty), ``cls``, ``href`` and ``title``; a span is drawn as a bar."""
    dated = []
    for e in events:
        try:
            start = _year(e["date"])
            end = _year(e["end"], end=True) if e.get("end") else None
        except (ValueError, IndexError, KeyError):
            continue
        dated.append((start, end if end and end > start else None, e))
    if not dated:
        return None
    classes = sorted({e["cls"] for _, _, e in dated})
    colours = colour(classes)
    lo = math.floor(min(s for s, _, _ in dated))
    hi = math.ceil(max(max(s, t or s) for s, t, _ in dated))
    if hi - lo < 2:
        lo, hi = lo - 1, hi + 1
    row_h, left, right, top = 24, 170, 20, 12
    height = top + row_h * len(classes) + 28
    scale = (width - left - right) / (hi - lo)

    def x(year: float) -> float:
        return left + (year - lo) * scale

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 {width} {height}" '
           f'width="{width}" height="{height}" role="img" aria-label="timeline of {len(dated)} events">']
    step = next(s for s in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000) if (hi - lo) / s <= 12)
    first = lo + (-lo) % step
    for yr in range(first, hi + 1, step):
        out.append(f'<line x1="{x(yr):.1f}" y1="{top - 4}" x2="{x(yr):.1f}" y2="{height - 22}" stroke="#dde"/>'
                   f'<text x="{x(yr):.1f}" y="{height - 8}" font-size="11" text-anchor="middle">{yr}</text>')
    for i, c in enumerate(classes):
        y = top + i * row_h + row_h / 2
        if i % 2:
            out.append(f'<rect x="0" y="{y - row_h / 2:.1f}" width="{width}" height="{row_h}" fill="#f3f5f8"/>')
        out.append(f'<text x="6" y="{y + 4:.1f}" font-size="12">{escape(c)}</text>')
        for start, end, e in dated:
            if e["cls"] != c:
                continue
            title = f'<title>{escape(e.get("title") or "")}</title>'
            fill = colours[c]
            if end is not None:
                shape = (f'<rect x="{x(start):.1f}" y="{y - 5:.1f}" width="{max(x(end) - x(start), 4):.1f}" height="10" '
                         f'rx="5" fill="{fill}" fill-opacity="0.75">{title}</rect>')
            else:
                shape = f'<circle cx="{x(start):.1f}" cy="{y:.1f}" r="6" fill="{fill}">{title}</circle>'
            out.append(f'<a href="{escape(e["href"] or "")}">{shape}</a>')
    out.append("</svg>")
    return "".join(out)


def network_svg(center: str, partners: list[dict], width: int = 900, height: int = 560,
                most: int = 7) -> str | None:
    """The countries a country deals with, around it. Between the centre and each partner, one
    line per kind of event (coloured by kind, thicker with more events); beside each partner its
    kinds with their counts (the ``most`` largest, then how many more). Each partner is a dict
    with ``name``, ``href`` and ``kinds`` (kind → count)."""
    if not partners:
        return None
    kinds = sorted({k for p in partners for k in p["kinds"]})
    colours = colour(kinds)
    cx, cy = width / 2, height / 2
    rx, ry = width / 2 - 190, height / 2 - 80
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="network" viewBox="0 0 {width} {height}" '
           f'width="{width}" height="{height}" role="img" aria-label="relations of {escape(center)}">']
    placed = []
    for i, p in enumerate(partners):
        a = 2 * math.pi * i / len(partners) - math.pi / 2
        px, py = cx + rx * math.cos(a), cy + ry * math.sin(a)
        length = math.hypot(px - cx, py - cy) or 1
        nx, ny = -(py - cy) / length, (px - cx) / length  # normal to the edge: parallel lines apart
        ks = sorted(p["kinds"], key=lambda k: (-p["kinds"][k], k))
        for j, k in enumerate(ks):
            off = (j - (len(ks) - 1) / 2) * 4.5
            n = p["kinds"][k]
            out.append(f'<line x1="{cx + nx * off:.1f}" y1="{cy + ny * off:.1f}" x2="{px + nx * off:.1f}" '
                       f'y2="{py + ny * off:.1f}" stroke="{colours[k]}" stroke-width="{min(1.5 + n / 2, 4):.1f}">'
                       f'<title>{escape(center)} – {escape(p["name"])}: {n} {escape(k)}</title></line>')
        placed.append((px, py, p, ks))
    for px, py, p, ks in placed:  # nodes and their captions over the edges
        total = sum(p["kinds"].values())
        left = px < cx - 1
        anchor, tx = ("end", px - 16) if left else ("start", px + 16)
        shown = ks[:most]
        lines = [(escape(p["name"]), None, "bold")] + [(f"{escape(k)} {p['kinds'][k]}", colours[k], "normal")
                                                       for k in shown]
        if len(ks) > most:
            lines.append((f"{len(ks) - most} more kind(s)", None, "normal"))
        y0 = py - (len(lines) - 1) * 13 / 2 + 4
        out.append(f'<a href="{escape(p.get("href") or "")}"><circle cx="{px:.1f}" cy="{py:.1f}" '
                   f'r="{6 + min(total, 16) / 2:.1f}" fill="#e63946"><title>{escape(p["name"])}: {total} event(s)'
                   f'</title></circle>')
        for j, (text, fill, weight) in enumerate(lines):
            mark = f'<tspan fill="{fill}">■ </tspan>' if fill else ""
            size = 13 if weight == "bold" else 11
            out.append(f'<text x="{tx:.1f}" y="{y0 + j * 13:.1f}" font-size="{size}" font-weight="{weight}" '
                       f'text-anchor="{anchor}" paint-order="stroke" stroke="#fafbfc" stroke-width="3">'
                       f'{mark}{text}</text>')
        out.append("</a>")
    out.append(f'<circle cx="{cx}" cy="{cy}" r="14" fill="#1d3557"/><text x="{cx}" y="{cy - 22}" font-size="14" '
               f'text-anchor="middle" font-weight="bold" paint-order="stroke" stroke="#fafbfc" stroke-width="4">'
               f'{escape(center)}</text>')
    out.append("</svg>")
    return "".join(out)
