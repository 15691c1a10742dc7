"""meeting-api: meeting bodies, meetings, agendas, minutes, decisions."""
