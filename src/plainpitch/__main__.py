from plainpitch.cli import main

main(prog_name="plainpitch")
