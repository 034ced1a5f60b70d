"""Who may sit today: the signed roster, the admission rules (pure), the desk's decisions and
which of them stands, and the walk-through detector whose checks admission reads."""
