"""What goes to the central system: the outbox written in the same transaction as its cause, the
sync worker and its link, offline export, and the audit hash chain whose head goes with them."""
