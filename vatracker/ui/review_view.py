"""The Review tab: is this pace sustainable, and which client makes it so?

Hours worked against hours promised and the weekly limit, the week day by day, the promised
windows against the work done, the sustainability indicators, and each client's week and month.
matplotlib loads the first time the tab is shown.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSignalBlocker, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..domain.indicators import DISCLAIMER, Indicator, Level
from ..domain.review import WeeklyReview
from ..domain.weeks import Week
from ..reports.review_tables import (
    CLIENT_HEADERS,
    CLIENT_TOOLTIPS,
    client_rows,
    summary,
    threshold_text,
    trend_text,
)
from ..services.review import MAX_WEEKS, MIN_WEEKS
from .chart_canvas import ChartCanvas
from .session import Session
from .table_model import TextTableModel
from .text import plain_label
from .theme import MUTED_COLOURS, tint
from .views import LazyView, WeekNavigator, fit_to_rows, row_table

LEVEL_STYLES = {
    Level.GREEN: "background-color:#bbf7d0; color:#14532d;",
    Level.AMBER: "background-color:#fde68a; color:#713f12;",
    Level.RED: "background-color:#fca5a5; color:#7f1d1d;",
}


class ReviewView(LazyView):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.review: WeeklyReview | None = None

        self.navigator = WeekNavigator(session)
        self.navigator.changed.connect(self.refresh)
        nav = self.navigator
        self.previous_button, self.next_button = nav.previous_button, nav.next_button
        self.week_label, self.this_week_button = nav.label, nav.this_week_button
        self.weeks_box = QSpinBox()
        self.weeks_box.setRange(MIN_WEEKS, MAX_WEEKS)
        self.weeks_box.setSuffix(" weeks")
        self.weeks_box.setAccessibleName("Weeks in the trend")
        self.weeks_box.setToolTip("How many weeks the first chart shows")
        self.weeks_box.setValue(session.services.review.weeks_shown())
        # Stepping through 4…52 redraws once the VA stops, not at every step.
        self._weeks_pause = QTimer(self, singleShot=True, interval=400)
        self._weeks_pause.timeout.connect(self._weeks_changed)
        self.weeks_box.valueChanged.connect(self._weeks_pause.start)
        self.pdf_button = QPushButton("Export PDF…")
        self.pdf_button.setToolTip("The whole review on one page")
        self.pdf_button.clicked.connect(self._choose_pdf)
        self.png_button = QPushButton("Save charts as PNG…")
        self.png_button.setToolTip("Each chart as its own picture, in a folder you choose")
        self.png_button.clicked.connect(self._choose_png_folder)
        self.summary_label = plain_label()
        self.summary_label.setObjectName("reviewSummary")
        self.summary_label.setWordWrap(True)

        self.trend_chart = ChartCanvas(300, (8.6, 3.9), "reviewTrend")
        self.days_chart = ChartCanvas(300, (6.4, 3.9), "reviewDays")
        self.map_chart = ChartCanvas(300, (8.6, 4.2), "reviewMap")
        self.indicator_grid = QGridLayout()
        self.indicator_grid.setHorizontalSpacing(10)
        self.indicator_labels: dict[str, list[QLabel]] = {}
        self.period_box = QComboBox()
        self.period_box.setAccessibleName("Period of the client table")
        self.period_box.addItems(["This week", "This month"])
        self.period_box.currentIndexChanged.connect(lambda _i: self._fill_clients())
        self.client_model = TextTableModel(CLIENT_HEADERS)
        self.client_table = row_table(self.client_model, "Each client's week or month")
        self.client_table.setObjectName("reviewClients")
        self.client_table.setToolTip(
            "\n".join(
                f"{h}: {tip}" for h, tip in zip(CLIENT_HEADERS, CLIENT_TOOLTIPS, strict=True) if tip
            )
        )
        self.client_model.modelReset.connect(
            lambda: fit_to_rows(self.client_table, max(2, self.client_model.rowCount()))
        )
        self.disclaimer_label = plain_label(DISCLAIMER)
        self.disclaimer_label.setWordWrap(True)
        tint(self.disclaimer_label, MUTED_COLOURS)

        navigation = QHBoxLayout()
        navigation.addWidget(self.navigator)
        navigation.addStretch(1)
        navigation.addWidget(QLabel("Trend of"))
        navigation.addWidget(self.weeks_box)
        navigation.addWidget(self.pdf_button)
        navigation.addWidget(self.png_button)

        charts = QHBoxLayout()
        charts.addWidget(self.trend_chart, 4)
        charts.addWidget(self.days_chart, 3)
        indicators = QFrame()
        indicators.setObjectName("reviewIndicators")
        indicator_layout = QVBoxLayout(indicators)
        title = QLabel("<b>Sustainability this week</b>")
        indicator_layout.addWidget(title)
        indicator_layout.addLayout(self.indicator_grid)
        indicator_layout.addStretch(1)
        lower = QHBoxLayout()
        lower.addWidget(self.map_chart, 4)
        lower.addWidget(indicators, 3)
        clients_header = QHBoxLayout()
        clients_header.addWidget(QLabel("<b>Per client</b>"))
        clients_header.addWidget(self.period_box)
        clients_header.addStretch(1)

        page = QWidget()
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.addWidget(self.summary_label)
        page_layout.addLayout(charts)
        page_layout.addLayout(lower)
        page_layout.addLayout(clients_header)
        page_layout.addWidget(self.client_table)
        page_layout.addWidget(self.disclaimer_label)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(navigation)
        layout.addWidget(scroll, 1)

    # Showing -------------------------------------------------------------------------------

    def week(self) -> Week:
        return self.navigator.week()

    def show_week(self, week: Week | None) -> None:
        """Show `week`, or this week (and follow it as days pass) when None."""
        self.navigator.show_week(week)

    def redraw(self) -> None:
        """Read the review afresh; charts are drawn only while the tab is on screen."""
        from ..reports.availability_map import draw_availability_map, map_legend
        from ..reports.review_charts import (
            days_data,
            days_legend,
            draw_days,
            draw_trend,
            trend_data,
            trend_legend,
        )
        from ..reports.review_page import review_map

        with QSignalBlocker(self.weeks_box):  # Settings → Review may have changed it
            self.weeks_box.setValue(self.session.services.review.weeks_shown())
        review = self.session.services.review.review(self.week())
        self.review = review
        self.navigator.label_week(review.week)
        self.summary_label.setText(" ".join([summary(review), *review.notes]))
        trend, days, week_map = trend_data(review), days_data(review), review_map(review)
        self.trend_chart.show_chart(draw_trend, trend, trend_legend(trend))
        self.days_chart.show_chart(draw_days, days, days_legend(days))
        self.map_chart.show_chart(draw_availability_map, week_map, map_legend(week_map))
        self._fill_indicators(review.indicators)
        self._fill_clients()

    def _fill_indicators(self, indicators: list[Indicator]) -> None:
        for row, indicator in enumerate(indicators):
            labels = self.indicator_labels.get(indicator.spec.key)
            if labels is None:
                labels = [QLabel(), plain_label(indicator.spec.label), QLabel(), QLabel()]
                labels[0].setAlignment(Qt.AlignmentFlag.AlignCenter)
                labels[0].setMinimumWidth(56)
                labels[0].setObjectName(f"level_{indicator.spec.key}")
                for column, label in enumerate(labels):
                    self.indicator_grid.addWidget(label, row, column)
                self.indicator_labels[indicator.spec.key] = labels
            level, _name, value, trend = labels
            level.setText(indicator.level.value.capitalize())
            level.setStyleSheet(
                LEVEL_STYLES[indicator.level] + "border-radius:4px; padding:1px 6px;"
            )
            value.setText(indicator.describe_value())
            trend.setText(trend_text(indicator))
            tip = (
                f"{indicator.spec.why}\n\nNow: {threshold_text(indicator)}. "
                "Change the thresholds in Settings → Review."
            )
            for label in labels:
                label.setToolTip(tip)

    def _fill_clients(self) -> None:
        if self.review is None:
            return
        month = self.period_box.currentIndex() == 1
        self.client_model.set_rows(client_rows(self.review, month=month))

    def _weeks_changed(self) -> None:
        weeks = self.weeks_box.value()
        self.session.write(lambda: self.session.services.review.set_weeks_shown(weeks))

    # Exporting -----------------------------------------------------------------------------

    def export_to(self, *, pdf: Path | None = None, png_folder: Path | None = None) -> list[Path]:
        """Write the one-page review and/or each chart as PNG; returns where they went."""
        from ..reports.review_page import CHARTS, default_name, save

        review = self.review or self.session.services.review.review(self.week())
        written: list[Path] = []

        def write() -> None:
            if pdf is not None:
                written.append(save(review, pdf))
            if png_folder is not None:
                for chart in CHARTS:
                    written.append(
                        save(review, png_folder / default_name(review, chart, ".png"), chart)
                    )

        self.session.attempt(write)
        if written:
            self.session.notice.emit(f"Saved {', '.join(p.name for p in written)}")
        return written

    def _choose_pdf(self) -> None:
        from ..reports.review_page import default_name

        review = self.review or self.session.services.review.review(self.week())
        path, _ = QFileDialog.getSaveFileName(
            self,
            "Export the review",
            str(Path.home() / default_name(review, None, ".pdf")),
            "PDF (*.pdf)",
        )
        if path:
            self.export_to(pdf=Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf"))

    def _choose_png_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Save the charts in", str(Path.home()))
        if folder:
            self.export_to(png_folder=Path(folder))
