"""The main window: the timer on top, the day's entries below, every action in a menu."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from .. import APP_NAME, __version__
from ..domain.entries import Entry, Outcome, format_duration, free_span_before, new_entry
from ..domain.nudges import Nudge
from ..domain.totals import totals_by_client
from ..domain.weeks import Month
from ..domain.zones import day_bounds, local_date
from ..services.entries import EntryChange
from ..services.timer import Gap

if TYPE_CHECKING:
    from .availability_view import AvailabilityView
    from .invoices_view import InvoicesView
    from .review_view import ReviewView
from .data_care import DataCare
from .day_view import DayView
from .entries_model import DayRows
from .icons import app_icon
from .messages import message_box, show_error
from .nudges import NudgeWatcher
from .session import Session
from .text import plain_label
from .theme import ERROR_COLOURS, tint
from .timer_panel import TimerPanel, TimerState
from .undo import EntryChangeCommand
from .window_memory import WindowMemory

# Dialogs are imported where they open: start-up does not pay for what it does not show.
AVAILABILITY_TAB, INVOICES_TAB, REVIEW_TAB = 1, 2, 3


class MainWindow(QMainWindow):
    timer_state_changed = Signal(object)  # TimerState, for the tray
    quit_requested = Signal()
    #: The database was replaced under the window (a damaged one set aside): open it afresh.
    restart_requested = Signal()
    hidden_to_tray = Signal()
    settings_saved = Signal()

    def __init__(self, session: Session, data_folder: Path) -> None:
        super().__init__()
        self.session = session
        self.data_folder = data_folder
        self.keep_running_in_tray = False  # set by the app when a tray icon is shown
        self._state: TimerState | None = None
        self.setWindowIcon(app_icon())
        self.setWindowTitle(APP_NAME)
        self.memory = WindowMemory(data_folder)
        if not self.memory.restore(self):
            self.resize(1100, 740)

        self.undo_stack = QUndoStack(self)
        self.timer_panel = TimerPanel()
        self.day_view = DayView(local_date(session.now(), session.zone))
        self._availability: AvailabilityView | None = None
        self._invoices: InvoicesView | None = None
        self._review: ReviewView | None = None
        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.tabs.addTab(self.day_view, "&Day")
        self.tabs.addTab(QWidget(), "A&vailability")  # built when first shown
        self.tabs.addTab(QWidget(), "&Invoices")  # built when first shown
        self.tabs.addTab(QWidget(), "&Review")  # built when first shown
        self.tabs.currentChanged.connect(self._build_tab)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.timer_panel)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self._create_actions()
        self._create_menus()
        self.statusBar().showMessage("Ready")
        self.warning_label = plain_label()
        self.warning_label.setObjectName("dataWarning")
        tint(self.warning_label, ERROR_COLOURS)
        self.warning_label.hide()
        self._warnings: list[str] = []
        self.statusBar().addPermanentWidget(self.warning_label, 1)
        self.care = DataCare(session.services, data_folder, self)
        self.care.damaged.connect(self.database_damaged)
        self.care.backed_up.connect(
            lambda result: self.statusBar().showMessage(f"Backed up ({result.path.name}).", 8000)
        )
        self.care.backup_failed.connect(self.show_warnings)

        self.timer_panel.start_requested.connect(self.start)
        self.timer_panel.stop_requested.connect(self.stop)
        self.timer_panel.stop_trying_requested.connect(self.stop_trying)
        self.timer_panel.add_client_requested.connect(self.open_clients)
        self.day_view.day_changed.connect(lambda _day: self.refresh())
        self.day_view.add_requested.connect(self.add_entry)
        self.day_view.edit_requested.connect(self.edit_entry)
        self.day_view.split_requested.connect(self.split_entry)
        self.day_view.delete_requested.connect(self.delete_entry)
        session.changed.connect(self.refresh)
        session.ticked.connect(self._tick)
        session.failed.connect(lambda message: show_error(self, APP_NAME, message))
        session.notice.connect(lambda message: self.statusBar().showMessage(message, 5000))
        session.gap_found.connect(self.ask_about_gap)
        self.nudges = NudgeWatcher(session, self)
        self.timer_state_changed.connect(self.nudges.show_state)
        session.changed.connect(self.nudges.reload)
        session.ticked.connect(self.nudges.check)
        self.nudges.nudged.connect(self.show_nudge)
        self.refresh()

    @property
    def availability_view(self) -> AvailabilityView:
        """The Availability tab, built the first time it is needed (it loads the promise and
        map modules, which start-up does without)."""
        if self._availability is None:
            from .availability_view import AvailabilityView

            view = AvailabilityView(self.session)
            self.session.changed.connect(view.refresh)
            view.boundaries_requested.connect(self.open_boundaries)
            view.what_if_requested.connect(self.open_what_if)
            view.request_requested.connect(self.log_request)
            self._availability = view
            self._put_tab(AVAILABILITY_TAB, view, "A&vailability")
        return self._availability

    @property
    def invoices_view(self) -> InvoicesView:
        """The Invoices tab, built the first time it is needed."""
        if self._invoices is None:
            from .invoices_view import InvoicesView

            view = InvoicesView(self.session)
            self.session.changed.connect(view.refresh)
            view.new_requested.connect(self.new_invoice)
            view.open_requested.connect(self.open_invoice)
            self._invoices = view
            self._put_tab(INVOICES_TAB, view, "&Invoices")
        return self._invoices

    @property
    def review_view(self) -> ReviewView:
        """The Review tab, built the first time it is needed (it loads matplotlib)."""
        if self._review is None:
            from .review_view import ReviewView

            view = ReviewView(self.session)
            self.session.changed.connect(view.refresh)
            self._review = view
            self._put_tab(REVIEW_TAB, view, "&Review")
        return self._review

    def _put_tab(self, index: int, view: QWidget, title: str) -> None:
        """Put a built tab in the place of its empty stand-in, keeping the current tab."""
        current = self.tabs.currentIndex()
        placeholder = self.tabs.widget(index)
        self.tabs.blockSignals(True)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, view, title)
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        if placeholder is not None:
            placeholder.deleteLater()

    def _build_tab(self, index: int) -> None:
        """Build a tab as it is first chosen; showing it reads its data (LazyView)."""
        if index == AVAILABILITY_TAB:
            _ = self.availability_view
        elif index == INVOICES_TAB:
            _ = self.invoices_view
        elif index == REVIEW_TAB:
            _ = self.review_view

    # Actions and menus -------------------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: object,
        shortcut: str | QKeySequence | QKeySequence.StandardKey | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _create_actions(self) -> None:
        panel = self.timer_panel
        self.start_action = self._action(
            "&Start / switch",
            panel.request_start,
            "Ctrl+Return",
            "Start the timer for the chosen client and task; a running timer switches",
        )
        self.stop_action = self._action("S&top", self.stop, "Ctrl+.", "Stop the timer: done")
        self.trying_action = self._action(
            "Stop as &trying…",
            self.stop_trying,
            "Ctrl+T",
            "Stop the timer as an attempt, with what it revealed",
        )
        self.choose_client_action = self._action(
            "Choose &client", self._focus_client_picker, "Ctrl+K"
        )
        self.recent_actions = [
            self._action(
                f"Start recent {n}", lambda _c=False, n=n: panel.start_recent(n), f"Ctrl+{n}"
            )
            for n in range(1, 6)
        ]
        self.request_action = self._action(
            "Log a &request…", self.log_request, "Ctrl+R", "Log a client's request as it arrives"
        )
        self.add_action = self._action("&Add entry…", self.add_entry, QKeySequence.StandardKey.New)
        self.edit_action = self._action("&Edit entry…", self.edit_entry, "Ctrl+E")
        self.split_action = self._action("S&plit entry…", self.split_entry, "Ctrl+D")
        self.delete_action = self._action(
            "&Delete entry", self.delete_entry, QKeySequence.StandardKey.Delete
        )
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.day_view.table.addAction(self.delete_action)
        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.addActions([self.undo_action, self.redo_action])
        self.previous_day_action = self._action(
            "&Previous day", self.day_view.previous_button.click, "Alt+Left"
        )
        self.next_day_action = self._action(
            "&Next day", self.day_view.next_button.click, "Alt+Right"
        )
        self.today_action = self._action("&Today", self.day_view.today_button.click, "Alt+Home")
        self.day_tab_action = self._action(
            "&Day", lambda: self.tabs.setCurrentWidget(self.day_view), "Alt+1"
        )
        self.availability_tab_action = self._action(
            "&Availability", lambda: self.tabs.setCurrentIndex(AVAILABILITY_TAB), "Alt+2"
        )
        self.invoices_tab_action = self._action(
            "&Invoices", lambda: self.tabs.setCurrentIndex(INVOICES_TAB), "Alt+3"
        )
        self.review_tab_action = self._action(
            "&Review", lambda: self.tabs.setCurrentIndex(REVIEW_TAB), "Alt+4"
        )
        self.new_invoice_action = self._action(
            "New &invoice…",
            lambda: self.new_invoice(None, None),
            "Ctrl+I",
            "Draft an invoice for a client and month, then issue it",
        )
        self.boundaries_action = self._action(
            "&Boundaries of the chosen client…", lambda: self.open_boundaries(None)
        )
        self.what_if_action = self._action("Can I take &another client?…", self.open_what_if)
        self.clients_action = self._action("&Clients…", self.open_clients)
        self.task_types_action = self._action("&Task types…", self.open_task_types)
        self.settings_action = self._action("&Settings…", self.open_settings, "Ctrl+,")
        self.close_action = self._action(
            "&Close window", self.close, QKeySequence.StandardKey.Close
        )
        self.quit_action = self._action(
            "&Quit", self.quit_requested.emit, QKeySequence.StandardKey.Quit
        )
        self.about_action = self._action("&About VA Tracker", self.show_about)
        self.import_action = self._action(
            "&Import time entries…",
            self.open_import,
            "Ctrl+Shift+I",
            "From Toggl, Clockify, Harvest…",
        )
        self.export_action = self._action("&Export everything…", self.open_export)
        self.backups_action = self._action("&Backups…", self.open_backups)

    def _create_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addActions([self.import_action, self.export_action, self.backups_action])
        file_menu.addSeparator()
        file_menu.addActions([self.settings_action, self.close_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        timer_menu = bar.addMenu("T&imer")
        timer_menu.addActions(
            [self.start_action, self.stop_action, self.trying_action, self.choose_client_action]
        )
        timer_menu.addSeparator()
        timer_menu.addActions(self.recent_actions)
        timer_menu.addSeparator()
        timer_menu.addAction(self.request_action)
        entries_menu = bar.addMenu("&Entries")
        entries_menu.addActions([self.undo_action, self.redo_action])
        entries_menu.addSeparator()
        entries_menu.addActions(
            [self.add_action, self.edit_action, self.split_action, self.delete_action]
        )
        view_menu = bar.addMenu("&View")
        view_menu.addActions(
            [
                self.day_tab_action,
                self.availability_tab_action,
                self.invoices_tab_action,
                self.review_tab_action,
            ]
        )
        view_menu.addSeparator()
        view_menu.addActions([self.previous_day_action, self.next_day_action, self.today_action])
        manage_menu = bar.addMenu("&Manage")
        manage_menu.addActions([self.clients_action, self.task_types_action])
        manage_menu.addSeparator()
        manage_menu.addActions([self.boundaries_action, self.what_if_action])
        manage_menu.addSeparator()
        manage_menu.addAction(self.new_invoice_action)
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.about_action)

    # Showing -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read everything shown afresh: after any change, here or from the command line."""
        services = self.session.services
        zone = self.session.zone
        now = self.session.now()
        clients = services.catalog.clients()
        task_types = services.catalog.task_types()
        client_names = {c.id: c.name for c in clients}
        task_names = {t.id: t.name for t in task_types}
        state = TimerState(
            running=services.timer.running(),
            clients=[c for c in clients if not c.archived],
            task_types=[t for t in task_types if not t.archived],
            client_names=client_names,
            task_names=task_names,
            recent=services.entries.recent_pairs(),
            zone=zone,
            now=now,
        )
        self._state = state
        self.timer_panel.show_state(state)
        self.day_view.set_today(local_date(now, zone))
        selected = self.day_view.selected_entry()
        day = self.day_view.day()
        entries = services.entries.on_day(day, zone)
        self.day_view.model.set_rows(DayRows(day, zone, entries, client_names, task_names, now))
        start, end = day_bounds(day, zone)
        self.day_view.totals_model.set_totals(
            totals_by_client(entries, start, end, now), client_names
        )
        if selected is not None and selected.id is not None:
            self.day_view.select_entry(selected.id)
        self._update_title(now)
        self._update_actions()
        self.timer_state_changed.emit(state)

    def _tick(self) -> None:
        now = self.session.now()
        self.timer_panel.tick(now)
        self.day_view.model.tick(now)
        self._update_title(now)
        if self._state is not None and local_date(now, self.session.zone) != self.day_view.today():
            self.refresh()  # midnight passed

    def _update_title(self, now: int) -> None:
        running = self._state.running if self._state else None
        if running is None or self._state is None:
            self.setWindowTitle(APP_NAME)
            return
        client = self._state.client_names.get(running.client_id, "?")
        self.setWindowTitle(f"{format_duration(running.duration(now))} · {client} — {APP_NAME}")

    def _update_actions(self) -> None:
        running = self._state is not None and self._state.running is not None
        self.stop_action.setEnabled(running)
        self.trying_action.setEnabled(running)

    def _focus_client_picker(self) -> None:
        self.timer_panel.client_box.setFocus()
        self.timer_panel.client_box.showPopup()

    # The timer ---------------------------------------------------------------------------

    def start(self, client_id: int, task_type_id: int, note: str = "") -> None:
        result = self.session.start(client_id, task_type_id, note)
        if result is not None:
            self.timer_panel.note_edit.clear()

    def stop(self) -> None:
        if self.session.running() is not None:
            self.session.stop()

    def stop_trying(self) -> None:
        from .timer_dialogs import FindingsDialog

        running = self.session.running()
        if running is None or self._state is None:
            return
        what = self._describe_work(running)
        dialog = FindingsDialog(what, self)
        if dialog.exec() == FindingsDialog.DialogCode.Accepted:
            self.session.stop(Outcome.TRYING, dialog.findings())

    def ask_about_gap(self, gap: Gap) -> None:
        from .timer_dialogs import GapQuestion

        self.show_and_raise()
        question = GapQuestion(gap, self._describe_work(gap.entry), self.session.zone, self)
        self.session.resolve_gap(gap, question.ask())

    def _describe_work(self, entry: Entry) -> str:
        services = self.session.services
        names = (
            services.catalog.client(entry.client_id).name,
            services.catalog.task_type(entry.task_type_id).name,
        )
        return " · ".join(names)

    # Entries -----------------------------------------------------------------------------

    def add_entry(self) -> None:
        services = self.session.services
        clients = [c for c in services.catalog.clients() if not c.archived]
        task_types = [t for t in services.catalog.task_types() if not t.archived]
        if not clients:
            self.open_clients()
            return
        client_id = self.timer_panel.selected_client_id() or clients[0].id
        chosen_task = self.timer_panel.selected_task_type_id()
        task = next((t for t in task_types if t.id == chosen_task), task_types[0])
        start, end = self._free_hour()
        draft = new_entry(
            client_id, task.id, start, self.session.zone, end=end, billable=task.billable
        )
        self._open_entry_dialog(draft, "Add entry", services.entries.add)

    def _free_hour(self) -> tuple[int, int]:
        """A default for a new entry: free time on the day shown, before now."""
        now = self.session.now()
        day_start, day_end = day_bounds(self.day_view.day(), self.session.zone)
        entries = self.day_view.model.entries()
        latest = day_end if entries else day_start + 10 * 3600  # an empty day: 9 to 10
        return free_span_before(entries, min(now - now % 60, latest), now)

    def edit_entry(self) -> None:
        entry = self.day_view.selected_entry()
        if entry is not None:
            self._open_entry_dialog(entry, "Edit entry", self.session.services.entries.edit)

    def _open_entry_dialog(
        self, entry: Entry, title: str, save: Callable[..., EntryChange]
    ) -> None:
        from .entry_dialog import EntryDialog

        catalog = self.session.services.catalog
        EntryDialog(
            entry,
            catalog.clients(),
            catalog.task_types(),
            self.session.zone,
            lambda edited, overlap, long: self._record(
                save(edited, allow_overlap=overlap, allow_long=long)
            ),
            title=title,
            parent=self,
        ).exec()

    def split_entry(self) -> None:
        from .split_dialog import SplitDialog

        entry = self.day_view.selected_entry()
        if entry is None or entry.id is None:
            return
        entry_id = entry.id
        dialog = SplitDialog(
            entry,
            self.session.now(),
            self.session.zone,
            lambda at: self._record(self.session.services.entries.split(entry_id, at)),
            self,
        )
        dialog.exec()

    def delete_entry(self) -> None:
        entry = self.day_view.selected_entry()
        if entry is None or entry.id is None:
            return
        entry_id = entry.id
        change = self.session.write(lambda: self.session.services.entries.delete(entry_id))
        if change is not None:
            self._push(change)
            self.statusBar().showMessage("Entry deleted. Undo with Ctrl+Z.", 8000)

    def _record(self, change: EntryChange) -> None:
        """A change made in a dialog: put it on the undo stack and show it."""
        self._push(change)
        self.session.refresh()
        if change.after and change.after[-1].id is not None:
            self.day_view.select_entry(change.after[-1].id)

    def _push(self, change: EntryChange) -> None:
        self.undo_stack.push(
            EntryChangeCommand(
                change,
                lambda c: self.session.write(lambda: self.session.services.entries.apply(c)),
                self._undo_failed,
            )
        )

    def _undo_failed(self) -> None:
        # The entries changed in another way since; the history no longer fits them. Cleared
        # once the stack has finished with the command that failed (it is running now).
        QTimer.singleShot(0, self.undo_stack.clear)

    # Dialogs -----------------------------------------------------------------------------

    def open_clients(self) -> None:
        from .client_dialogs import ClientsDialog

        dialog = ClientsDialog(self.session.services, self.session.zone.key, self)
        dialog.changed.connect(self.session.refresh)
        if not dialog.items():
            dialog.add()
        dialog.exec()

    def open_task_types(self) -> None:
        from .catalog_dialogs import TaskTypesDialog

        dialog = TaskTypesDialog(self.session.services.catalog, self)
        dialog.changed.connect(self.session.refresh)
        dialog.exec()

    def open_settings(self) -> None:
        from .settings_dialog import SettingsDialog

        services = self.session.services
        dialog = SettingsDialog(services, self.data_folder, self)
        if dialog.exec() == SettingsDialog.DialogCode.Accepted:
            self.session.refresh()
            self.settings_saved.emit()

    def open_backups(self) -> None:
        from .backups_dialog import BackupsDialog

        BackupsDialog(self.session, self.care, self.session.refresh, self).exec()

    def open_import(self) -> None:
        from .import_wizard import ImportWizard

        ImportWizard(self.session, self).exec()

    def open_export(self) -> None:
        from .export_dialog import export_everything

        export_everything(self, self.session)

    def show_warnings(self, *warnings: str) -> None:
        """Keep warnings in sight, at the bottom of the window, until the app closes."""
        self._warnings += [w for w in warnings if w and w not in self._warnings]
        if not self._warnings:
            return
        first = self._warnings[0].split(". ")[0] + "."
        more = f" (and {len(self._warnings) - 1} more)" if len(self._warnings) > 1 else ""
        self.warning_label.setText(f"⚠ {first}{more} Point here to read why.")
        self.warning_label.setToolTip("\n\n".join(self._warnings))
        self.warning_label.show()

    def show_nudge(self, nudge: Nudge) -> None:
        """In the status bar; the taskbar entry asks for attention where no tray tells it."""
        self.statusBar().showMessage(f"{nudge.title}: {nudge.message}", 60_000)
        if not self.keep_running_in_tray:
            QApplication.alert(self)

    def database_damaged(self, problem: str) -> None:
        """The check after start-up found damage: stop using the file and offer a backup."""
        from .recovery import offer_recovery

        self.session.stop_ticking()
        self.care.stop()
        now = self.session.now()
        self.session.services.close()
        if offer_recovery(self, self.data_folder, problem, now):
            self.restart_requested.emit()
        else:
            self.quit_requested.emit()

    def log_request(self) -> None:
        from .request_dialog import RequestDialog

        self.show_and_raise()
        services = self.session.services
        if not services.catalog.clients(include_archived=False):
            self.open_clients()
            return
        dialog = RequestDialog(
            services.requests,
            services.catalog.clients(),
            self.timer_panel.selected_client_id(),
            self.session.now(),
            self.session.zone,
            self,
        )
        if dialog.exec() == RequestDialog.DialogCode.Accepted and dialog.logged is not None:
            logged = dialog.logged
            marks = [
                text
                for flag, text in (
                    (logged.outside_client_windows, "outside their windows"),
                    (logged.outside_own_hours, "outside your own hours"),
                )
                if flag
            ]
            where = f" ({' and '.join(marks)})" if marks else ""
            self.statusBar().showMessage(f"Request logged{where}.", 8000)
            self.session.refresh()

    def open_boundaries(self, client_id: int | None) -> None:
        from .boundaries_dialog import BoundariesDialog

        services = self.session.services
        chosen = client_id or self.timer_panel.selected_client_id()
        if chosen is None:
            return
        month = Month.containing(local_date(self.session.now(), self.session.zone))
        BoundariesDialog(services.boundaries, services.catalog.client(chosen), month, self).exec()

    def new_invoice(self, client_id: int | None, month: Month | None) -> None:
        from .invoice_dialog import InvoiceDialog

        clients = self.session.services.catalog.clients()
        if not clients:
            self.open_clients()
            return
        chosen = client_id or self.timer_panel.selected_client_id()
        InvoiceDialog(self.session, clients, client_id=chosen, month=month, parent=self).exec()

    def open_invoice(self, number: str) -> None:
        from .invoice_dialog import InvoiceDialog

        services = self.session.services
        invoice = self.session.attempt(lambda: services.invoices.invoice(number))
        if invoice is not None:
            InvoiceDialog(
                self.session, services.catalog.clients(), invoice=invoice, parent=self
            ).exec()

    def open_what_if(self) -> None:
        from .what_if_dialog import WhatIfDialog

        WhatIfDialog(self.session.services, self.session.zone.key, self).exec()

    def show_about(self) -> None:
        box = message_box(
            self,
            QMessageBox.Icon.Information,
            f"About {APP_NAME}",
            f"{APP_NAME} {__version__}\n\nTime tracking for virtual assistants who work for "
            f"several clients.\n\nData folder: {self.data_folder}",
        )
        box.setIconPixmap(app_icon().pixmap(64, 64))
        box.addButton(QMessageBox.StandardButton.Ok)
        box.exec()

    # Window ------------------------------------------------------------------------------

    def show_and_raise(self) -> None:
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.memory.save(self)
        running = self._state is not None and self._state.running is not None
        if self.keep_running_in_tray and running:
            event.ignore()
            self.hide()
            self.hidden_to_tray.emit()
            return
        event.accept()
        self.quit_requested.emit()
