"""Pictures drawn on the server as SVG: an entity's timeline and a country's network of relations.

Every label is escaped; the SVG is inline in the page, so it needs no script and no network.
"""

from __future__ import annotations

import math
from html import escape

PALETTE = ["#1d3557", "#e63946", "#2a9d8f", "#e9c46a", "#6a4c93", "#f4a261", "#457b9d", "#8ab17d"]


def _year(date: str) -> float:
    y = int(date[:4])
    m = int(date[5:7]) if len(date) >= 7 else 6
    return y + (m - 0.5) / 12


def timeline_svg(events: list[tuple[str, str, str]], width: int = 900) -> str | None:
    """A horizontal timeline of (date, class, link) with one row per event class."""
    if not events:
        return None
    classes = sorted({c for _, c, _ in events})
    years = [_year(d) for d, _, _ in events]
    lo, hi = math.floor(min(years)), math.ceil(max(years)) + 1
    row_h, left, top = 26, 190, 24
    height = top + row_h * len(classes) + 30
    x = lambda y: left + (y - lo) / max(hi - lo, 1) * (width - left - 20)  # noqa: E731
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" width="{width}" height="{height}" '
           f'role="img" aria-label="timeline of events">']
    step = max(1, (hi - lo) // 10)
    for yr in range(lo, hi + 1, step):
        out.append(f'<line x1="{x(yr):.1f}" y1="{top - 6}" x2="{x(yr):.1f}" y2="{height - 24}" stroke="#dde"/>'
                   f'<text x="{x(yr):.1f}" y="{height - 8}" font-size="11" text-anchor="middle">{yr}</text>')
    for i, c in enumerate(classes):
        y = top + i * row_h + row_h / 2
        out.append(f'<text x="6" y="{y + 4:.1f}" font-size="12">{escape(c)}</text>')
        for d, cls, href in events:
            if cls != c:
                continue
            out.append(f'<a href="{escape(href)}"><circle cx="{x(_year(d)):.1f}" cy="{y:.1f}" r="6" '
                       f'fill="{PALETTE[i % len(PALETTE)]}"><title>{escape(d)} {escape(cls)}</title></circle></a>')
    out.append("</svg>")
    return "".join(out)


def network_svg(center: str, relations: list[tuple[str, str, int]], size: int = 520) -> str | None:
    """A star of the countries a country deals with; edges labelled by kind of event with counts."""
    if not relations:
        return None
    others: dict[str, list[tuple[str, int]]] = {}
    for other, cls, n in relations:
        others.setdefault(other, []).append((cls, n))
    names = sorted(others)
    cx = cy = size / 2
    r = size / 2 - 70
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="network" width="{size}" height="{size}" '
           f'role="img" aria-label="relations of {escape(center)}">']
    for i, name in enumerate(names):
        a = 2 * math.pi * i / len(names) - math.pi / 2
        px, py = cx + r * math.cos(a), cy + r * math.sin(a)
        total = sum(n for _, n in others[name])
        label = ", ".join(f"{c} {n}" for c, n in sorted(others[name]))
        out.append(f'<line x1="{cx:.1f}" y1="{cy:.1f}" x2="{px:.1f}" y2="{py:.1f}" stroke="#457b9d" '
                   f'stroke-width="{min(1 + total, 8)}"><title>{escape(label)}</title></line>')
        out.append(f'<text x="{(cx + px) / 2:.1f}" y="{(cy + py) / 2 - 4:.1f}" font-size="10" '
                   f'text-anchor="middle" fill="#555">{escape(label)}</text>')
        out.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="8" fill="#e63946"/>'
                   f'<text x="{px:.1f}" y="{py + 22:.1f}" font-size="12" text-anchor="middle">{escape(name)}</text>')
    out.append(f'<circle cx="{cx}" cy="{cy}" r="12" fill="#1d3557"/><text x="{cx}" y="{cy - 18}" font-size="14" '
               f'text-anchor="middle" font-weight="bold">{escape(center)}</text></svg>')
    return "".join(out)
