"""The hall's administration: users, kiosks, bank packages and rosters, and the audit chain.

Every action here is checked again by the room server (an operator's token is refused with 403);
the screen is only shown to administrators.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from operator_console.protocol.console_api import (
    AuditCheck,
    BanksView,
    BankView,
    ItemStatsView,
    KioskView,
    NewUser,
    RosterImported,
    UserChange,
    UserView,
)
from operator_console.protocol.roster import SignedRoster
from operator_console.protocol.values import Role
from operator_console.ui import hall_time, texts
from operator_console.ui.charts import ItemChart
from operator_console.ui.dialogs import CodeDialog, ConfirmDialog
from operator_console.ui.model import ConsoleModel
from operator_console.ui.widgets import data_table, named
from question_banks.package import write_package

ROLES = tuple(r.value for r in (Role.OPERATOR, Role.PROCTOR, Role.ADMINISTRATOR))
"""The roles a user may be given, in the order the form offers them (the least first)."""


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.setItem(r, c, QTableWidgetItem(text))


class UsersTab(QWidget):
    def __init__(self, model: ConsoleModel) -> None:
        super().__init__()
        self.model = model
        self.users: list[UserView] = []
        self.table = data_table("users", 4)
        self.table.itemSelectionChanged.connect(self._enable)
        self.username = named(QLineEdit(), "new_username")
        self.full_name = named(QLineEdit(), "new_full_name")
        self.role = named(QComboBox(), "new_role")
        self.password = named(QLineEdit(), "new_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.returnPressed.connect(self._create)
        self.creating = False
        """A creation is on its way: Enter pressed again (or a double click) sends nothing more."""
        self.create_button = named(QPushButton(), "user_create")
        self.create_button.clicked.connect(self._create)
        self.set_role = named(QComboBox(), "user_role")
        self.apply_role = named(QPushButton(), "user_apply_role")
        self.apply_role.clicked.connect(self._apply_role)
        self.reset = named(QPushButton(), "user_reset_password")
        self.reset.clicked.connect(self._reset)
        self.toggle = named(QPushButton(), "user_toggle")
        self.toggle.clicked.connect(self._toggle)
        self.unlock = named(QPushButton(), "user_unlock")
        self.unlock.clicked.connect(self._unlock)
        self.new_box = QGroupBox()
        form = QFormLayout(self.new_box)
        self.labels = [QLabel() for _ in range(4)]
        form.addRow(self.labels[0], self.username)
        form.addRow(self.labels[1], self.full_name)
        form.addRow(self.labels[2], self.role)
        form.addRow(self.labels[3], self.password)
        form.addRow(self.create_button)
        actions = QHBoxLayout()
        actions.addWidget(self.set_role)
        actions.addWidget(self.apply_role)
        actions.addWidget(self.reset)
        actions.addWidget(self.toggle)
        actions.addWidget(self.unlock)
        actions.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(self.table, 1)
        left.addLayout(actions)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 2)
        layout.addWidget(self.new_box, 1)
        self.retranslate()

    def retranslate(self) -> None:
        names = {"operator": self.tr("operator"), "proctor": self.tr("proctor"),
                 "administrator": self.tr("administrator")}  # fmt: skip
        for combo in (self.role, self.set_role):
            current = combo.currentIndex()
            combo.clear()
            for role in ROLES:
                combo.addItem(names[role], role)
            combo.setCurrentIndex(max(0, current))
        self.new_box.setTitle(self.tr("New user"))
        for label, text in zip(
            self.labels,
            (self.tr("User name"), self.tr("Full name"), self.tr("Role"), self.tr("Password")),
            strict=True,
        ):
            label.setText(text)
        self.password.setPlaceholderText(self.tr("at least 8 characters"))
        self.create_button.setText(self.tr("Create"))
        self.apply_role.setText(self.tr("Set role"))
        self.reset.setText(self.tr("Reset password…"))
        self.unlock.setText(self.tr("Unlock sign-in"))
        self.unlock.setToolTip(
            self.tr("Wrong passwords for this user, from any machine, no longer count")
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("User name"), self.tr("Full name"), self.tr("Role"), self.tr("State")]
        )
        self._names = names
        self.show_users()

    def refresh(self) -> None:
        def got(users: list[UserView]) -> None:
            self.users = users
            self.show_users()
            self.model.news.emit({"admin"})

        self.model.call(self.model.client.users, got)

    def show_users(self) -> None:
        _fill(
            self.table,
            [[u.username, u.full_name, self._names.get(u.role, u.role),
              self.tr("active") if u.active else self.tr("disabled")] for u in self.users],
        )  # fmt: skip
        self._enable()

    def chosen(self) -> UserView | None:
        row = self.table.currentRow()
        return (
            self.users[row] if 0 <= row < len(self.users) and self.table.selectedItems() else None
        )

    def _enable(self) -> None:
        user = self.chosen()
        for w in (self.apply_role, self.reset, self.toggle, self.set_role, self.unlock):
            w.setEnabled(user is not None)
        self.toggle.setText(
            self.tr("Enable") if user is not None and not user.active else self.tr("Disable")
        )

    def _create(self) -> None:
        if self.creating:
            return
        try:
            body = NewUser(
                username=self.username.text().strip(),
                full_name=self.full_name.text().strip(),
                role=self.role.currentData(),
                password=self.password.text(),
            )
        except ValueError:
            self.model.say(
                self.tr("A user name (letters, digits, . _ @ -) and a password of at least 8 "
                        "characters, please."), error=True,
            )  # fmt: skip
            return

        def done(made: UserView) -> None:
            self.creating = False
            self.create_button.setEnabled(True)
            self.username.clear()
            self.full_name.clear()
            self.password.clear()
            self.refresh()
            self.model.say(self.tr("User %1 created").replace("%1", made.username))

        def failed(error: BaseException) -> None:
            self.creating = False
            self.create_button.setEnabled(True)
            self.model._failed(error)

        self.creating = True
        self.create_button.setEnabled(False)
        client = self.model.client
        self.model.background.call(lambda: client.create_user(body), done, failed)

    def _change(self, body: UserChange, said: str) -> None:
        user = self.chosen()
        if user is None:
            return
        self.model.call(
            lambda: self.model.client.change_user(user.username, body),
            lambda _u: self.refresh(),
            done=said.replace("%1", user.username),
        )

    def _apply_role(self) -> None:
        self._change(UserChange(role=self.set_role.currentData()), self.tr("%1: role set"))

    def _reset(self, password: str | None = None) -> None:
        if password is None:
            password, ok = QInputDialog.getText(
                self, self.tr("Reset password"), self.tr("New password (at least 8 characters)"),
                QLineEdit.EchoMode.Password,
            )  # fmt: skip
            if not ok:
                return
        if len(password) < 8:
            self.model.say(self.tr("A password needs at least 8 characters."), error=True)
            return
        self._change(UserChange(password=password), self.tr("%1: password reset"))

    def _toggle(self) -> None:
        user = self.chosen()
        if user is not None:
            if user.active and not ConfirmDialog.ask(
                self,
                self.tr("Disable %1?").replace("%1", user.username),
                self.tr("Every sign-in of %1 ends at once, mid-session too.").replace(
                    "%1", user.username
                ),
            ):
                return
            self._change(
                UserChange(active=not user.active),
                self.tr("%1 enabled") if not user.active else self.tr("%1 disabled"),
            )

    def _unlock(self) -> None:
        user = self.chosen()
        if user is not None:
            self.model.call(
                lambda: self.model.client.unlock_user(user.username),
                lambda _u: self.refresh(),
                done=self.tr("%1 may sign in again at once").replace("%1", user.username),
            )


class KiosksTab(QWidget):
    def __init__(self, model: ConsoleModel) -> None:
        super().__init__()
        self.model = model
        self.kiosks: list[KioskView] = []
        self.table = data_table("kiosks", 6)
        self.table.itemSelectionChanged.connect(self._enable)
        self.seat = named(QLineEdit(), "enroll_seat")
        self.issue = named(QPushButton(), "enroll_issue")
        self.issue.clicked.connect(self._issue)
        self.revoke = named(QPushButton(), "kiosk_revoke")
        self.revoke.clicked.connect(self._revoke)
        row = QHBoxLayout()
        row.addWidget(self.revoke)
        row.addStretch(1)
        row.addWidget(self.seat)
        row.addWidget(self.issue)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Seat"),
                self.tr("Machine"),
                self.tr("Enrolled"),
                self.tr("Credential age"),
                self.tr("Last heard"),
                self.tr("State"),
            ]
        )
        self.seat.setPlaceholderText(self.tr("Seat, e.g. A07"))
        self.issue.setText(self.tr("Issue an enrollment code"))
        self.revoke.setText(self.tr("Revoke the kiosk"))
        self.show_kiosks()

    def refresh(self) -> None:
        def got(kiosks: list[KioskView]) -> None:
            self.kiosks = kiosks
            self.show_kiosks()
            self.model.news.emit({"admin"})

        self.model.call(self.model.client.kiosks, got)

    def show_kiosks(self) -> None:
        def state(k: KioskView) -> str:
            if k.revoked:
                return self.tr("revoked")
            return self.tr("locked") if k.locked else self.tr("enrolled")

        _fill(
            self.table,
            [[k.seat, k.machine, f"{hall_time.hall(k.enrolled_at):%Y-%m-%d %H:%M}",
              self.tr("%1 days").replace("%1", f"{k.credential_age_days:.1f}"),
              f"{hall_time.hall(k.last_heard_at):%H:%M:%S}" if k.last_heard_at else "—", state(k)]
             for k in self.kiosks],
        )  # fmt: skip
        self._enable()

    def _enable(self) -> None:
        row = self.table.currentRow()
        chosen = 0 <= row < len(self.kiosks) and bool(self.table.selectedItems())
        self.revoke.setEnabled(chosen and not self.kiosks[row].revoked)

    def _issue(self) -> None:
        seat = self.seat.text().strip().upper()
        if not seat:
            self.model.say(self.tr("Type the seat the kiosk stands at."), error=True)
            return
        self.model.call(
            lambda: self.model.client.enrollment_code(seat),
            lambda code: CodeDialog.ask(self, code),
        )

    def _revoke(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.kiosks):
            kiosk = self.kiosks[row]
            if not ConfirmDialog.ask(
                self,
                self.tr("Revoke the kiosk at %1?").replace("%1", kiosk.seat),
                self.tr(
                    "The kiosk at %1 can no longer reach the hall until it is enrolled again. "
                    "A candidate testing there stops at once."
                ).replace("%1", kiosk.seat),
            ):
                return
            self.model.call(
                lambda: self.model.client.revoke_kiosk(kiosk.kiosk_id),
                lambda _k: self.refresh(),
                done=self.tr("The kiosk at %1 is revoked").replace("%1", kiosk.seat),
            )


class BanksTab(QWidget):
    def __init__(self, model: ConsoleModel) -> None:
        super().__init__()
        self.model = model
        self.banks: BanksView | None = None
        self.loaded = data_table("banks_loaded", 5)
        self.refused = data_table("banks_refused", 2)
        self.load = named(QPushButton(), "bank_load")
        self.load.clicked.connect(lambda: self.load_file())
        self.progress = named(QProgressBar(), "bank_progress")
        self.progress.setRange(0, 0)
        self.progress.setVisible(False)
        self.fetch = named(QPushButton(), "roster_fetch")
        self.fetch.clicked.connect(self._fetch)
        self.import_ = named(QPushButton(), "roster_import")
        self.import_.clicked.connect(lambda: self.import_roster())
        self.loaded_box, self.refused_box = QGroupBox(), QGroupBox()
        QVBoxLayout(self.loaded_box).addWidget(self.loaded)
        QVBoxLayout(self.refused_box).addWidget(self.refused)
        row = QHBoxLayout()
        row.addWidget(self.load)
        row.addWidget(self.progress, 1)
        row.addStretch(1)
        row.addWidget(self.fetch)
        row.addWidget(self.import_)
        layout = QVBoxLayout(self)
        layout.addWidget(self.loaded_box, 2)
        layout.addWidget(self.refused_box, 1)
        layout.addLayout(row)
        self.retranslate()

    def retranslate(self) -> None:
        self.loaded_box.setTitle(self.tr("Loaded banks"))
        self.refused_box.setTitle(self.tr("Refused packages"))
        self.loaded.setHorizontalHeaderLabels(
            [
                self.tr("Program"),
                self.tr("Bank"),
                self.tr("Version"),
                self.tr("Questions"),
                self.tr("Languages"),
            ]
        )
        self.refused.setHorizontalHeaderLabels([self.tr("File"), self.tr("Why")])
        self.load.setText(self.tr("Load a bank package…"))
        self.fetch.setText(self.tr("Fetch today's roster"))
        self.import_.setText(self.tr("Import a signed roster…"))
        self.show_banks()

    def refresh(self) -> None:
        def got(banks: BanksView) -> None:
            self.banks = banks
            self.show_banks()
            self.model.news.emit({"admin"})

        self.model.call(self.model.client.banks, got)

    def show_banks(self) -> None:
        b = self.banks
        _fill(
            self.loaded,
            [[texts.program(x.program), x.bank_id, x.version, str(x.questions),
              ", ".join(x.languages)] for x in (b.loaded if b else [])],
        )  # fmt: skip
        _fill(self.refused, [[name, why] for name, why in (b.refused.items() if b else [])])

    def load_file(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Load a bank package"), "", self.tr("Bank packages (*.hallbank)")
            )
        if not path:
            return
        file = Path(path)
        self.load.setEnabled(False)
        self.progress.setVisible(True)

        def done(bank: BankView) -> None:
            self.load.setEnabled(True)
            self.progress.setVisible(False)
            self.model.say(
                self.tr("Loaded %1 %2: %3, %4 questions")
                .replace("%1", bank.bank_id)
                .replace("%2", bank.version)
                .replace("%3", texts.program(bank.program))
                .replace("%4", str(bank.questions))
            )
            self.refresh()

        def failed(error: BaseException) -> None:
            self.load.setEnabled(True)
            self.progress.setVisible(False)
            self.model._failed(error)
            self.refresh()

        self.model.background.call(
            lambda: self.model.client.load_bank(file.read_bytes(), file.name), done, failed
        )

    def _roster_taken(self, done: RosterImported) -> None:
        self.model.refresh_sessions()
        self.model.say(
            self.tr("Roster taken: %1 sessions, %2 candidates")
            .replace("%1", str(done.sessions))
            .replace("%2", str(done.candidates))
        )

    def _fetch(self) -> None:
        day = hall_time.today(datetime.now(UTC))
        self.model.call(lambda: self.model.client.fetch_roster(day), self._roster_taken)

    def import_roster(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Import a signed roster"), "", self.tr("Rosters (*.json)")
            )
        if not path:
            return
        try:
            signed = SignedRoster.model_validate(json.loads(Path(path).read_text("utf-8")))
        except (OSError, ValueError):
            self.model.say(
                self.tr("%1 is not a signed roster file").replace("%1", path), error=True
            )
            return
        self.model.call(lambda: self.model.client.import_roster(signed), self._roster_taken)


class ItemsTab(QWidget):
    """Item statistics after sessions: a chart and a table, the items needing attention
    highlighted, exportable as CSV."""

    def __init__(self, model: ConsoleModel) -> None:
        super().__init__()
        self.model = model
        self.stats: ItemStatsView | None = None
        self.program = named(QComboBox(), "items_program")
        self.program.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.program.activated.connect(lambda _i: self.refresh())
        self.reload = named(QPushButton(), "items_reload")
        self.reload.clicked.connect(self.refresh)
        self.export = named(QPushButton(), "items_export")
        self.export.clicked.connect(lambda: self.export_csv())
        self.only = named(QCheckBox(), "items_only_attention")
        self.only.toggled.connect(lambda _on: self.show_stats())
        self.said = named(QLabel(), "items_said")
        self.table = data_table("items", 7)
        self.chart = ItemChart()
        top = QHBoxLayout()
        top.addWidget(self.program)
        top.addWidget(self.reload)
        top.addWidget(self.only)
        top.addStretch(1)
        top.addWidget(self.export)
        body = QHBoxLayout()
        body.addWidget(self.table, 3)
        body.addWidget(self.chart, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.said)
        layout.addLayout(body, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.reload.setText(self.tr("Refresh"))
        self.export.setText(self.tr("Export CSV…"))
        self.only.setText(self.tr("Only items needing attention"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Item"), self.tr("Language"), self.tr("Section"), self.tr("Sittings"),
             self.tr("Difficulty"), self.tr("Discrimination"), self.tr("Needs attention")]
        )  # fmt: skip
        self.chart.axis_text = (
            self.tr("difficulty: share correct (shaded: too hard, too easy)"),
            self.tr("discrimination (shaded: below zero)"),
        )
        self.show_stats()

    def programs(self, banks: BanksView | None) -> None:
        chosen = self.program.currentData()
        self.program.clear()
        for b in banks.loaded if banks else []:
            self.program.addItem(f"{texts.program(b.program)} · {b.bank_id} {b.version}", b.program)
        if chosen is not None:
            self.program.setCurrentIndex(max(0, self.program.findData(chosen)))

    def refresh(self) -> None:
        program = self.program.currentData()
        if program is None:
            return

        def got(stats: ItemStatsView) -> None:
            self.stats = stats
            self.show_stats()
            self.model.news.emit({"admin"})

        self.model.call(lambda: self.model.client.item_stats(program), got)

    def attention(self, codes: list[str]) -> str:
        words = {
            "too_easy": self.tr("too easy"),
            "too_hard": self.tr("too hard"),
            "negative_discrimination": self.tr("strong candidates miss it"),
            "low_discrimination": self.tr("does not tell strong from weak"),
        }
        return ", ".join(words.get(c, c) for c in codes)

    def show_stats(self) -> None:
        s = self.stats
        items = [i for i in (s.items if s else []) if i.attention or not self.only.isChecked()]

        def number(v: float | None) -> str:
            return "—" if v is None else f"{v:.2f}"

        _fill(
            self.table,
            [[i.item_id, i.language, i.section, str(i.exposure), number(i.difficulty),
              number(i.discrimination), self.attention(list(i.attention))] for i in items],
        )  # fmt: skip
        for row, i in enumerate(items):
            if i.attention:
                for col in range(self.table.columnCount()):
                    cell = self.table.item(row, col)
                    if cell is not None:
                        cell.setBackground(QColor("#fbe0e0"))
        self.chart.set_points(
            [(i.difficulty, i.discrimination, bool(i.attention))
             for i in (s.items if s else [])
             if i.difficulty is not None and i.discrimination is not None]
        )  # fmt: skip
        flagged = sum(bool(i.attention) for i in (s.items if s else []))
        self.said.setText(
            self.tr("%1 results, %2 items need attention")
            .replace("%1", str(s.results))
            .replace("%2", str(flagged))
            if s
            else ""
        )
        self.export.setEnabled(s is not None)

    def export_csv(self, path: str | None = None) -> None:
        program = self.program.currentData()
        if program is None:
            return
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save item statistics"), f"items-{program}.csv",
                self.tr("CSV (*.csv)"),
            )  # fmt: skip
        if not path:
            return
        target = Path(path)

        def work() -> Path:
            write_package(self.model.client.item_stats_csv(program), target)  # whole or not
            return target

        self.model.call(work, done=self.tr("Item statistics saved: %1").replace("%1", str(target)))


class AuditTab(QWidget):
    def __init__(self, model: ConsoleModel) -> None:
        super().__init__()
        self.model = model
        self.found: AuditCheck | None = None
        self.check = named(QPushButton(), "audit_check")
        self.check.clicked.connect(self.run)
        self.verdict = named(QLabel(), "audit_verdict")
        self.verdict.setProperty("role", "verdict")
        self.verdict.setWordWrap(True)
        self.detail = named(QPlainTextEdit(), "audit_detail")
        self.detail.setReadOnly(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.check)
        layout.addWidget(self.verdict)
        layout.addWidget(self.detail, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.check.setText(self.tr("Check the audit chain (and ask the central system)"))
        self._show()

    def run(self) -> None:
        def got(found: AuditCheck) -> None:
            self.found = found
            self._show()
            self.model.news.emit({"admin"})

        def failed(error: BaseException) -> None:
            self.check.setEnabled(True)
            self.model._failed(error)

        def done(found: AuditCheck) -> None:
            self.check.setEnabled(True)
            got(found)

        self.check.setEnabled(False)
        self.model.background.call(self.model.client.verify_audit, done, failed)

    def upstream(self, said: str) -> str:
        """What the central system said about the head, in the console's language."""
        words = {
            "confirmed": self.tr("it holds the same head"),
            "holds a different head": self.tr("it holds a DIFFERENT head: history was rewritten"),
            "holds a later head": self.tr(
                "it holds a LATER head: the chain's last entries were removed"
            ),
            "had no record of it": self.tr("it had no record of the head the hall says it sent"),
            "not asked": self.tr("not asked"),
            "nothing acknowledged yet": self.tr("it has acknowledged no head yet"),
        }
        if said.startswith("unreachable"):
            return self.tr("no answer (%1)").replace("%1", said.partition(": ")[2])
        return words.get(said, said)

    def _show(self) -> None:
        f = self.found
        if f is None:
            self.verdict.setText(self.tr("Not checked yet."))
            self.verdict.setProperty("verdict", "")
            self.detail.setPlainText("")
        elif f.holds:
            self.verdict.setText(
                self.tr("The chain holds: %1 entries. The central system: %2")
                .replace("%1", str(f.entries))
                .replace("%2", self.upstream(f.upstream))
            )
            self.verdict.setProperty("verdict", "ok")
        else:
            b = f.broken
            self.verdict.setText(
                self.tr("Broken at entry %1: %2 by %3, %4")
                .replace("%1", str(b.seq))
                .replace("%2", texts.history_action(b.action) or "—")
                .replace("%3", b.actor or "—")
                .replace("%4", f"{hall_time.hall(b.at):%Y-%m-%d %H:%M:%S}" if b.at else "—")
                if b is not None
                else self.tr("The chain was cut short: the central system holds a later head.")
                if f.upstream == "holds a later head"
                else self.tr("The chain was rewritten: the central system holds another head.")
            )
            self.verdict.setProperty("verdict", "refuse")
        self.verdict.style().polish(self.verdict)
        if f is None:
            return
        lines = [self.tr("Entries: %1").replace("%1", str(f.entries)),
                 self.tr("Head: %1").replace("%1", f.head)]  # fmt: skip
        if f.broken is not None:
            lines.append(self.tr("First broken entry: %1 (%2)").replace("%1", str(f.broken.seq))
                         .replace("%2", f.broken.why))  # fmt: skip
        if f.acknowledged_seq is None:
            lines.append(self.tr("The central system has acknowledged no head yet."))
        else:
            lines.append(
                self.tr("Last head acknowledged upstream: entry %1, %2, at %3")
                .replace("%1", str(f.acknowledged_seq))
                .replace("%2", f.acknowledged_head or "")
                .replace("%3", f"{hall_time.hall(f.acknowledged_at):%Y-%m-%d %H:%M:%S}"
                         if f.acknowledged_at else "—")
            )  # fmt: skip
            lines.append(
                self.tr("It matches the chain.")
                if f.acknowledged_matches
                else self.tr("It does NOT match the chain.")
            )
        lines.append(self.tr("The central system: %1").replace("%1", self.upstream(f.upstream)))
        self.detail.setPlainText("\n".join(lines))


class AdminScreen(QWidget):
    def __init__(self, model: ConsoleModel) -> None:
        super().__init__()
        self.model = model
        self.users = UsersTab(model)
        self.kiosks = KiosksTab(model)
        self.banks = BanksTab(model)
        self.items = ItemsTab(model)
        self.audit = AuditTab(model)
        self.tabs = named(QTabWidget(), "admin_tabs")
        model.news.connect(self._news)
        for tab in (self.users, self.kiosks, self.banks, self.items, self.audit):
            self.tabs.addTab(tab, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.tabs)
        self.retranslate()

    def retranslate(self) -> None:
        for n, title in enumerate(
            (
                self.tr("Users"),
                self.tr("Kiosks"),
                self.tr("Banks and rosters"),
                self.tr("Item statistics"),
                self.tr("Audit chain"),
            )
        ):
            self.tabs.setTabText(n, title)
        for tab in (self.users, self.kiosks, self.banks, self.items, self.audit):
            tab.retranslate()

    def _news(self, kinds: set[str]) -> None:
        banks = self.banks.banks
        if (
            "admin" in kinds
            and banks is not None
            and self.items.program.count() != len(banks.loaded)
        ):
            self.items.programs(banks)
            if self.items.stats is None:
                self.items.refresh()

    def showEvent(self, event: object) -> None:
        self.users.refresh()
        self.kiosks.refresh()
        self.banks.refresh()
