package dev.restock.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code restock help [COMMAND [SUBCOMMAND...]]}: the usage of any command however deeply
 * nested. picocli's own {@code HelpCommand} looks one level down only ({@code help product}),
 * and this tool's commands have subcommands ({@code help product add}).
 */
@Command(name = "help", helpCommand = true,
    description = "Show the usage of the tool or of a command: help product add.")
final class HelpCommand implements CommandLine.IHelpCommandInitializable2, Runnable {
  @Parameters(paramLabel = "COMMAND", arity = "0..*",
      description = "The command (and subcommands) to show the usage of.")
  List<String> path = List.of();

  private CommandLine parent;
  private CommandLine.Help.ColorScheme colors;

  @Override
  public void init(CommandLine helpCommandLine, CommandLine.Help.ColorScheme colorScheme,
      java.io.PrintWriter out, java.io.PrintWriter err) {
    this.parent = helpCommandLine.getParent();
    this.colors = colorScheme;
  }

  @Override
  public void run() {
    CommandLine target = parent;
    for (String name : path) {
      CommandLine next = target.getSubcommands().get(name);
      if (next == null) {
        throw new CommandLine.ParameterException(target, "unknown command '" + name + "'; "
            + (target.getSubcommands().isEmpty() ? "'" + target.getCommandName()
                + "' has no subcommands" : "use one of " + String.join(", ",
                    target.getSubcommands().keySet())));
      }
      target = next;
    }
    target.usage(target.getOut(), colors);
    target.getOut().flush();
  }
}
