using Scaffolder.Cli;
Timing.Mark("main");
Console.OutputEncoding = System.Text.Encoding.UTF8;

return CliApp.Run(args, Console.Out, Console.Error, Environment.CurrentDirectory);
