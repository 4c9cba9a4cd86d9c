return EgmEcc.Cli.EgmEccCli.Run(args, EgmEcc.Cli.CliConsole.System);
