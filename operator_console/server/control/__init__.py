"""What an operator does to a running seat or to the whole room (pause, resume, time, terminate,
move, incident), and the seat's lock that the kiosk obeys."""
