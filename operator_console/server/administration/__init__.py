"""The `operator-console admin` command, backups, the users and kiosks an administrator manages,
and the check of the audit chain."""
