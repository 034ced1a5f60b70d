"""The administration's users: who may sign in to the console, in which role; a password reset,
a sign-in disabled or unlocked."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from operator_console.protocol.console_api.administration import NewUser, UserChange, UserView
from operator_console.protocol.values import Role
from operator_console.ui.dialogs import ConfirmDialog
from operator_console.ui.model.console import ConsoleModel
from operator_console.ui.widgets import data_table, fill_table, named

ROLES = tuple(r.value for r in (Role.OPERATOR, Role.PROCTOR, Role.ADMINISTRATOR))
"""The roles a user may be given, in the order the form offers them (the least first)."""


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
        fill_table(
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
