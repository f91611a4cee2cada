"""`python -m vatracker` and the `vatracker` launcher: a command, or the window."""

from vatracker.cli import main

if __name__ == "__main__":
    main()
