using BennBot.Worker;
using BennBot.Worker.Hosting;

// Settings may also be given as --BennBot:Section:Key=value; everything else is a command (see Cli).
var configArgs = args.Where(Cli.IsSetting).Select(a => a.Replace("__", ":")).ToArray();
var commandArgs = args.Where(a => !Cli.IsSetting(a)).ToArray();
BotHost.CollectAfterStart = true; // this process is the bot (README, "Memory over time")
return await Cli.Run(commandArgs, configArgs);
