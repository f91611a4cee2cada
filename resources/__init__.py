"""Icons and other files the app ships; installed as the package `vatracker._resources`."""
