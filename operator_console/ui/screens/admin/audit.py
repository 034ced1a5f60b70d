"""The administration's audit chain: checked whole here, its head compared with the one the
central system acknowledged."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from operator_console.protocol.console_api.administration import AuditCheck
from operator_console.ui import hall_time, texts
from operator_console.ui.model.console import ConsoleModel
from operator_console.ui.widgets import named


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
