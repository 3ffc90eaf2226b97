"""The calendar: what falls due in a window of dates, and the calendar written out."""
