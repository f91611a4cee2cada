"""The Review tab under qtbot: opening it, moving between weeks, tooltips, export, settings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from tests.helpers import FakeClock, add_client, at, task
from vatracker.domain.entries import new_entry
from vatracker.domain.indicators import Threshold
from vatracker.domain.promises import Promises
from vatracker.domain.weekly import parse_window
from vatracker.services.container import Services
from vatracker.ui.main_window import REVIEW_TAB, MainWindow
from vatracker.ui.settings_dialog import SettingsDialog


def a_week_of_work(services: Services, clock: FakeClock) -> None:
    clock.set(at("2026-03-06 18:00"))  # Friday of week 10
    acme = add_client(services, "Acme", "UTC", rate="20")
    services.promises.set_promises(
        acme.id, Promises(windows=(parse_window("Mon-Fri 08:00-12:00"),))
    )
    zone = services.settings.va_zone()
    for day in range(2, 7):
        start = at(f"2026-03-{day:02d} 07:00")
        services.entries.add(
            new_entry(acme.id, task(services).id, start, zone, end=start + 4 * 3600)
        )


def open_review(qtbot: QtBot, window: MainWindow):  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)
    assert window.tabs.currentIndex() == REVIEW_TAB
    return window.review_view


def test_the_review_opens_on_this_week_and_moves_between_weeks(
    qtbot: QtBot, window: MainWindow, services: Services, clock: FakeClock
) -> None:
    a_week_of_work(services, clock)
    window.refresh()
    view = open_review(qtbot, window)
    assert view.week_label.text() == "Week 10, Mon 02 Mar to Sun 08 Mar 2026"
    assert view.summary_label.text().startswith(
        "Worked 20.0 h · promised 20.0 h · your limit 40.0 h"
    )
    assert view.trend_chart.data.totals[-1] == 20.0 and view.days_chart.data.totals[:5] == [4.0] * 5
    assert view.client_model.data(view.client_model.index(0, 1)) == "20.0 h"
    qtbot.mouseClick(view.previous_button, Qt.MouseButton.LeftButton)
    assert view.week_label.text().startswith("Week 9,")
    assert view.trend_chart.data.totals[-1] == 0.0 and view.trend_chart.data.totals[-2] == 0.0
    qtbot.mouseClick(view.this_week_button, Qt.MouseButton.LeftButton)
    assert view.week_label.text().startswith("Week 10,")
    # The month instead of the week, in the client table.
    view.period_box.setCurrentIndex(1)
    assert view.client_model.data(view.client_model.index(0, 2)) == "400.00 USD"


def test_indicators_are_coloured_and_say_why_in_a_tooltip(
    qtbot: QtBot, window: MainWindow, services: Services, clock: FakeClock
) -> None:
    a_week_of_work(services, clock)
    view = open_review(qtbot, window)
    level, name, value, trend = view.indicator_labels["out_of_hours"]
    assert (level.text(), value.text()) == ("Red", "10.0 h")  # 07:00-09:00 daily, before 09:00
    assert "boundaries erode" in name.toolTip() and "red at 8 h" in level.toolTip()
    assert view.indicator_labels["weekly_hours"][0].text() == "Green"
    assert trend.text() == "—"  # nothing before to compare with
    assert "not medical or legal advice" in view.disclaimer_label.text()


def test_the_review_exports_a_pdf_and_each_chart(
    qtbot: QtBot, window: MainWindow, services: Services, clock: FakeClock, tmp_path: Path
) -> None:
    a_week_of_work(services, clock)
    view = open_review(qtbot, window)
    written = view.export_to(pdf=tmp_path / "review.pdf", png_folder=tmp_path)
    assert [p.name for p in written] == [
        "review.pdf",
        "Review 2026-W10 hours.png",
        "Review 2026-W10 days.png",
        "Review 2026-W10 map.png",
    ]
    assert all(p.stat().st_size > 5_000 for p in written)


def test_the_trend_s_weeks_and_the_thresholds_are_settings(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    clock: FakeClock,
    when_dialog: Callable[..., None],
) -> None:
    a_week_of_work(services, clock)
    view = open_review(qtbot, window)
    view.weeks_box.setValue(9)
    view.weeks_box.setValue(8)  # redrawn once, when the VA stops stepping
    qtbot.waitUntil(lambda: len(view.trend_chart.data.labels) == 8)
    assert services.review.weeks_shown() == 8

    def refuse_then_save(dialog: SettingsDialog) -> None:
        amber, red = dialog.review.boxes["out_of_hours"]
        amber.setValue(11)
        red.setValue(6)
        dialog.buttons.accepted.emit()
        assert "Work outside your own hours: The red threshold (6) must be above" in (
            dialog.error_label.text()
        )
        assert services.review.thresholds()["out_of_hours"] == Threshold(2, 8)  # unchanged
        red.setValue(14)
        dialog.buttons.accepted.emit()

    when_dialog(SettingsDialog, refuse_then_save)
    window.settings_action.trigger()
    assert services.review.thresholds()["out_of_hours"] == Threshold(11, 14)
    assert view.indicator_labels["out_of_hours"][0].text() == "Green"  # 10 h is under 11 now


def test_matplotlib_waits_for_the_review(window: MainWindow) -> None:
    # The window is open; the Review tab has not been shown, so no chart widget exists.
    assert window._review is None
    assert not window.findChildren(QLabel, "reviewSummary")
