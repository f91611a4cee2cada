"""Invoice arithmetic: right to the cent, by one stated rule."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vatracker.domain.entries import Outcome, new_entry, split
from vatracker.domain.errors import InvalidInput
from vatracker.domain.invoicing import (
    Billing,
    Rounding,
    Tax,
    draft_invoice,
    format_number,
    hours_of,
    line_amount,
)
from vatracker.domain.promises import Retainer

UTC = ZoneInfo("UTC")
NAMES = {1: "Inbox management", 2: "Research", 3: "Own admin"}
USD = Billing(currency="USD", rate_minor=3550, task_rates={2: 4000})


def entry(
    task: int,
    start: int,
    seconds: int,
    *,
    entry_id: int,
    outcome: Outcome = Outcome.DONE,
    findings: str = "",
    billable: bool = True,
):  # type: ignore[no-untyped-def]
    made = new_entry(1, task, start, UTC, end=start + seconds, billable=billable)
    return replace(made, id=entry_id, outcome=outcome, findings=findings)


def test_one_line_per_task_type_at_its_rate() -> None:
    entries = [
        entry(1, 0, 5400, entry_id=1),
        entry(2, 6000, 1800, entry_id=2),
        entry(1, 9000, 900, entry_id=3),
        entry(3, 10000, 3600, entry_id=4, billable=False),
    ]
    draft = draft_invoice(entries, USD, NAMES, None, UTC)
    assert [
        (line.description, line.hours, line.rate_minor, line.amount_minor) for line in draft.lines
    ] == [
        ("Inbox management", Decimal("1.75"), 3550, 6213),  # 62.125 rounds half-up to 62.13
        ("Research", Decimal("0.50"), 4000, 2000),
    ]
    assert draft.subtotal_minor == draft.total_minor == 8213
    assert draft.entry_ids == (1, 2, 3, 4)  # the non-billable entry is covered, not billed
    assert len(draft.timesheet) == 4


def test_trying_time_has_its_own_section_with_findings() -> None:
    entries = [
        entry(1, 0, 3600, entry_id=1),
        entry(1, 4000, 1800, entry_id=2, outcome=Outcome.TRYING, findings="Filters need admin"),
    ]
    draft = draft_invoice(entries, USD, NAMES, None, UTC)
    assert [(line.section, line.description, line.hours) for line in draft.lines] == [
        ("work", "Inbox management", Decimal("1.00")),
        ("attempts", "Attempts: Inbox management", Decimal("0.50")),
    ]
    assert [(a.task, a.hours, a.findings) for a in draft.attempts] == [
        ("Inbox management", Decimal("0.50"), "Filters need admin")
    ]
    folded = draft_invoice(entries, replace(USD, trying_as_section=False), NAMES, None, UTC)
    assert [(line.section, line.hours) for line in folded.lines] == [("work", Decimal("1.50"))]
    assert folded.total_minor == draft.total_minor
    assert folded.attempts == ()  # folded in: no section of attempts either
    assert [row.findings for row in folded.timesheet] == ["", "Filters need admin"]


def test_a_non_billable_task_type_is_never_billed() -> None:
    # Entry 2 says billable, but its task type (own admin) is not: it is not billed.
    entries = [entry(1, 0, 3600, entry_id=1), entry(3, 4000, 3600, entry_id=2)]
    draft = draft_invoice(entries, USD, NAMES, None, UTC, non_billable_task_types={3})
    assert [line.description for line in draft.lines] == ["Inbox management"]
    assert [row.billable for row in draft.timesheet] == [True, False]
    assert draft.entry_ids == (1, 2)  # covered (locked), not billed


def test_the_timesheet_shows_exact_time_next_to_rounded_hours() -> None:
    entries = [entry(1, i * 2000, 1200, entry_id=i) for i in range(1, 4)]  # 3 x 20 minutes
    draft = draft_invoice(entries, USD, NAMES, None, UTC)
    assert [(row.hours, row.duration) for row in draft.timesheet] == [
        (Decimal("0.33"), "0:20:00")
    ] * 3
    assert draft.lines[0].hours == Decimal("1.00")


@pytest.mark.parametrize(
    ("rounding", "seconds", "billed"),
    [
        (Rounding.NONE, 61, 61),
        (Rounding.UP_TO_1, 61, 120),
        (Rounding.UP_TO_6, 361, 720),
        (Rounding.UP_TO_6, 360, 360),
        (Rounding.UP_TO_15, 60, 900),
        (Rounding.UP_TO_15, 0, 0),
    ],
)
def test_each_entry_is_rounded_up_before_adding(
    rounding: Rounding, seconds: int, billed: int
) -> None:
    assert rounding.apply(seconds) == billed


def test_a_retainer_bills_its_fee_the_overage_and_shows_unused_hours() -> None:
    retainer = Billing("USD", 3550, {}, retainer=Retainer(10 * 60, 30000, 3500))
    over = draft_invoice([entry(1, 0, 12 * 3600 + 900, entry_id=1)], retainer, NAMES, None, UTC)
    assert [
        (line.description, line.hours, line.rate_minor, line.amount_minor) for line in over.lines
    ] == [
        ("Inbox management", Decimal("12.25"), None, None),
        ("Monthly retainer, covering 10.00 h", None, None, 30000),
        ("Hours beyond the retainer", Decimal("2.25"), 3500, 7875),
    ]
    assert over.total_minor == 37875 and over.unused_retainer_hours == Decimal("0.00")
    under = draft_invoice([entry(1, 0, 4 * 3600, entry_id=1)], retainer, NAMES, None, UTC)
    assert under.total_minor == 30000 and under.unused_retainer_hours == Decimal("6.00")
    quarter = draft_invoice([], retainer, NAMES, None, UTC, retainer_months=3)
    assert [(line.description, line.amount_minor) for line in quarter.lines] == [
        ("Monthly retainer x 3 months, covering 30.00 h", 90000)
    ]
    assert quarter.unused_retainer_hours == Decimal("30.00")


def test_retainer_hours_are_the_printed_hours() -> None:
    # Two lines of 1.005 h each print as 1.01 h: 2.02 h used, so 0.02 h beyond 2 h.
    retainer = Billing("USD", 3550, {}, retainer=Retainer(2 * 60, 30000, 5000))
    entries = [entry(1, 0, 3618, entry_id=1), entry(2, 4000, 3618, entry_id=2)]
    draft = draft_invoice(entries, retainer, NAMES, None, UTC)
    assert [line.hours for line in draft.lines] == [
        Decimal("1.01"),
        Decimal("1.01"),
        None,
        Decimal("0.02"),
    ]
    assert draft.lines[-1].amount_minor == 100


def test_tax_is_computed_once_on_the_subtotal() -> None:
    # FAULTS M5: tax rounded on the document, not per line.
    entries = [entry(t, i * 4000, 1000 + 37 * i, entry_id=i) for i, t in enumerate([1, 2, 1, 2], 1)]
    draft = draft_invoice(entries, USD, NAMES, Tax("VAT", Decimal("20")), UTC)
    assert draft.tax_minor == round(draft.subtotal_minor * 0.2)
    untaxed = draft_invoice(
        entries, replace(USD, tax_applicable=False), NAMES, Tax("VAT", Decimal("20")), UTC
    )
    assert untaxed.tax_minor == 0 and untaxed.tax is None


def test_half_a_cent_is_rounded_half_up_everywhere() -> None:
    # FAULTS M4: 16.125 -> 16.13.
    assert line_amount(Decimal("1.25"), 1290, "USD") == 1613
    assert hours_of(18) == Decimal("0.01")  # 0.005 h
    assert hours_of(17) == Decimal("0.00")


amounts = st.integers(min_value=0, max_value=100_000)  # up to 1,000.00 an hour


@given(
    st.lists(st.tuples(st.integers(1, 3), st.integers(1, 20_000), st.booleans()), max_size=15),
    amounts,
    amounts,
    st.sampled_from(list(Rounding)),
    st.decimals(min_value=0, max_value=30, places=2),
)
def test_lines_add_up_and_every_printed_line_multiplies(
    pieces: list[tuple[int, int, bool]],
    rate: int,
    research_rate: int,
    rounding: Rounding,
    percent: Decimal,
) -> None:
    """FAULTS M2: printed hours x rate = printed amount; total = sum of printed lines + tax."""
    billing = Billing("USD", rate, {2: research_rate}, rounding=rounding)
    entries = [
        entry(
            task,
            index * 30_000,
            seconds,
            entry_id=index,
            outcome=Outcome.TRYING if trying else Outcome.DONE,
        )
        for index, (task, seconds, trying) in enumerate(pieces, 1)
    ]
    draft = draft_invoice(entries, billing, NAMES, Tax("VAT", percent), UTC)
    for line in draft.lines:
        assert line.hours is not None and line.rate_minor is not None
        assert line.hours == line.hours.quantize(Decimal("0.01"))
        cents = line.hours * Decimal(line.rate_minor)
        assert line.amount_minor == int(cents.quantize(Decimal(1), rounding="ROUND_HALF_UP"))
    assert draft.subtotal_minor == sum(line.amount_minor or 0 for line in draft.lines)
    assert draft.total_minor == draft.subtotal_minor + draft.tax_minor


@given(
    st.integers(2, 50_000),
    st.lists(st.integers(1, 10_000), min_size=1, max_size=6),
    amounts,
)
def test_splitting_an_entry_never_changes_the_total(
    seconds: int, cuts: list[int], rate: int
) -> None:
    """FAULTS M3 (with exact time; rounding each entry up is rounding each piece up)."""
    whole = entry(1, 0, seconds, entry_id=1)
    pieces = [whole]
    for cut in cuts:
        last = pieces.pop()
        at = last.start + cut
        if last.start < at < (last.end or 0):
            first, second = split(last, at, now=10**9, tz=UTC)
            pieces += [first, replace(second, id=len(pieces) + 10)]
        else:
            pieces.append(last)
    billing = Billing("USD", rate, {})
    assert sum(p.duration(0) for p in pieces) == seconds
    one = draft_invoice([whole], billing, NAMES, None, UTC)
    many = draft_invoice(pieces, billing, NAMES, None, UTC)
    assert many.total_minor == one.total_minor


def test_the_13_75_against_13_76_regression() -> None:
    # Kimai PR#1424: per-entry rounding of amounts gave 13.76 for what is 13.75.
    entries = [entry(1, i * 1000, 300, entry_id=i) for i in range(1, 12)]  # 11 x 5 minutes
    draft = draft_invoice(entries, Billing("USD", 1500, {}), NAMES, None, UTC)
    assert draft.lines[0].hours == Decimal("0.92") and draft.total_minor == 1380


@pytest.mark.parametrize(
    ("pattern", "number"),
    [("{year}-{seq:04d}", "2026-0007"), ("INV{seq}", "INV7"), ("{year}/{seq:03d}", "2026/007")],
)
def test_invoice_numbers_follow_the_pattern(pattern: str, number: str) -> None:
    assert format_number(pattern, 2026, 7) == number


@pytest.mark.parametrize(
    "pattern",
    [
        "{year}",
        "{client}-{seq}",
        "{seq",
        "",
        "{{seq}}",
        "{year[0]}{seq}",
        "{seq.real}",
        "{}",
        "{0}",
    ],
)
def test_bad_number_patterns_are_refused(pattern: str) -> None:
    with pytest.raises(InvalidInput, match="invoice number format"):
        format_number(pattern, 2026, 7)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("-5", "0 or more"),
        ("lots", "not a number"),
        ("nan", "not a number"),
        ("Infinity", "not a number"),
        ("150", "more than 100"),
    ],
)
def test_bad_tax_rates_are_refused(text: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        Tax.parse("VAT", text)
    assert Tax.parse("VAT", "12,5%").percent == Decimal("12.5")
