"""The candidate's kiosk. Its journal, hall client and sitting model import no Qt."""
