"""Where each candidate sits: seats bound to admissions and kiosks, kiosk enrollment, the hall's
map of seats, and each seat's clock."""
