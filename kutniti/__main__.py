"""Allow ``python -m kutniti``."""

from kutniti.cli import main

main()
