from ikugen.cli.main import main

main()
