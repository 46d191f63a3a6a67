from masterysite.cli import run

run()
