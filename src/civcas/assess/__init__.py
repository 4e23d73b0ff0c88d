"""Assess: the monitor's grade of each incident and the belligerent's assessment workflow."""
