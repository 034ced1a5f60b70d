"""`hall-provision`: turns a Debian 12 machine with a hall package installed into a kiosk or the
room server. Every step checks before it changes anything and says what it did."""
