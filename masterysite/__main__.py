try:
    from masterysite.cli import run
except KeyboardInterrupt:  # Ctrl+C while Python reads the program (0.15 s): no traceback either
    import sys

    print("Aborted.", file=sys.stderr)
    sys.exit(130)

run()
