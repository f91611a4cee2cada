"""An import's preview in words: the same lines on the command line and in the window."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from ..domain.entries import format_duration
from ..importing.formats import SPECS
from ..services.importing import ImportPlan

FORMAT_NAMES = {spec.format: spec.title for spec in SPECS}


def plan_lines(plan: ImportPlan, tz: ZoneInfo, *, mappings: bool = True) -> list[str]:
    """The preview in words: the same lines for the command line and the window (which shows
    where clients and tasks go in a table of its own, so leaves those lines out)."""
    lines = [f"{plan.path.name}: a {FORMAT_NAMES[plan.format]} export, times read in {plan.zone}."]
    lines += plan.notes
    span = ""
    if plan.first is not None and plan.last is not None:
        first = datetime.fromtimestamp(plan.first, tz)
        last = datetime.fromtimestamp(plan.last, tz)
        span = f", {first:%d %b %Y} to {last:%d %b %Y}"
    lines.append(
        f"{plan.rows:,} rows: {plan.new_entries:,} new entries "
        f"({format_duration(plan.seconds)}{span}), {plan.already_there:,} already there."
    )
    if plan.overlapping:
        lines.append(
            f"{plan.overlapping:,} of the new entries overlap time already recorded; they are "
            "imported and flagged ⚠ in the day view."
        )
    for kind, chosen in (("Client", plan.clients), ("Task type", plan.tasks)) if mappings else ():
        for m in chosen:
            arrow = m.source if m.source == m.target else f"{m.source} → {m.target}"
            state = "existing" if m.exists else "new"
            lines.append(f"{kind} {arrow} ({state}, {m.rows:,} rows)")
    lines += plan.warnings
    return lines
