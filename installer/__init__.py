"""Provisioning of kiosk and room-server machines: service units, enrollment, packaging."""
