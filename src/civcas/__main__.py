from civcas.cli import main

main()
