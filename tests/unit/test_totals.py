from dataclasses import replace
from zoneinfo import ZoneInfo

from vatracker.domain.entries import Outcome, new_entry
from vatracker.domain.totals import totals_by_client

UTC = ZoneInfo("UTC")


def test_totals_clip_to_the_day_and_count_the_running_entry_to_now() -> None:
    day_start, day_end = 86_400, 2 * 86_400
    across_midnight = new_entry(1, 1, day_start - 1800, UTC, end=day_start + 5400)
    trying = replace(
        new_entry(2, 1, day_start + 7200, UTC, end=day_start + 9000), outcome=Outcome.TRYING
    )
    unbilled = new_entry(1, 2, day_start + 9000, UTC, end=day_start + 9600, billable=False)
    running = new_entry(2, 1, day_start + 10_000, UTC)
    totals = totals_by_client(
        [across_midnight, trying, unbilled, running], day_start, day_end, now=day_start + 10_600
    )
    by_client = {t.client_id: t for t in totals}
    assert by_client[1].seconds == 5400 + 600
    assert by_client[1].billable_seconds == 5400
    assert by_client[2].seconds == 1800 + 600
    assert by_client[2].trying_seconds == 1800
    assert [t.client_id for t in totals] == [1, 2]
