"""The weekly review from the command line: the figures, and the page or a chart as a file."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from ..domain.indicators import DISCLAIMER
from ..domain.review import WeeklyReview
from ..domain.weeks import Week
from ..reports.review_tables import (
    CLIENT_HEADERS,
    client_rows,
    summary,
    threshold_text,
    trend_text,
)
from ..services.container import Services
from .output import EXIT_OK, print_json, print_table


def _review(services: Services, args: argparse.Namespace) -> WeeklyReview:
    week = None if args.week is None else Week.parse(args.week)
    if args.weeks is not None:
        services.review.check_weeks_shown(args.weeks)
    return services.review.review(week, weeks_shown=args.weeks)


def report(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    """`report week`: the week's hours, each indicator and each client's week and month."""
    review = _review(services, args)
    if args.json:
        print_json(review.to_json(), out)
        return EXIT_OK
    first, last = review.week.days[0], review.week.days[-1]
    print(
        f"Weekly review, week {review.week.number}: {first:%a %d %b} to {last:%a %d %b %Y} "
        f"({review.zone})",
        file=out,
    )
    print(summary(review), file=out)
    for note in review.notes:
        print(note, file=out)
    print(file=out)
    print_table(
        ["INDICATOR", "THIS WEEK", "LEVEL", "VS 4 WEEKS BEFORE", "THRESHOLDS"],
        [
            [i.spec.label, i.describe_value(), i.level.value, trend_text(i), threshold_text(i)]
            for i in review.indicators
        ],
        out,
    )
    for title, rows in (
        (f"WEEK {review.week.number}", client_rows(review)),
        (f"{review.month.first_day:%B %Y}".upper(), client_rows(review, month=True)),
    ):
        print(file=out)
        print(title, file=out)
        print_table([h.upper() for h in CLIENT_HEADERS], rows, out)
    print(file=out)
    print(DISCLAIMER, file=out)
    return EXIT_OK


def chart(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    """`chart week --out FILE`: the one-page review, or one chart, as PDF or PNG."""
    from ..reports.review_page import save

    review = _review(services, args)
    written = save(review, Path(args.out), args.chart)
    print(f"Wrote {written}", file=out)
    return EXIT_OK
