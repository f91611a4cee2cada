"""The entry point frozen into the bundle: the same as the `vatracker` launcher pip installs."""

from vatracker.cli import main

if __name__ == "__main__":
    main()
