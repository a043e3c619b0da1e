from quotex.cli import main

main()
