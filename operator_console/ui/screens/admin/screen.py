"""The administration screen: its five tabs (users, kiosks, banks and rosters, item statistics,
the audit chain) in one tab widget."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from operator_console.ui.model.console import ConsoleModel
from operator_console.ui.screens.admin.audit import AuditTab
from operator_console.ui.screens.admin.banks import BanksTab
from operator_console.ui.screens.admin.items import ItemsTab
from operator_console.ui.screens.admin.kiosks import KiosksTab
from operator_console.ui.screens.admin.users import UsersTab
from operator_console.ui.widgets import named


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
