package dev.restock.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * What the tool says when a command fails: an exit code and the problems, each naming the field
 * (a command's field, or an option such as {@code --price}) when one is to blame. Printed as
 * {@code error: FIELD: MESSAGE} lines, or under {@code --json} as
 * {@code {"error":{"code":2,"message":"...","problems":[{"field":"price","message":"..."}]}}}.
 *
 * @param code the exit code
 * @param message one line for the whole failure
 * @param problems at least one
 */
record ErrorReport(int code, String message, List<Problem> problems) {

  /** One problem; {@code field} is null when no field is to blame. */
  record Problem(String field, String message) {}

  static ErrorReport of(int code, String message) {
    return new ErrorReport(code, message, List.of(new Problem(null, message)));
  }

  static ErrorReport of(int code, String message, List<Problem> problems) {
    return new ErrorReport(code, message,
        problems.isEmpty() ? List.of(new Problem(null, message)) : List.copyOf(problems));
  }

  void print(PrintWriter err, boolean json) {
    if (json) {
      err.println(Json.write(Map.of("error", this)));
    } else {
      problems.forEach(p -> err.println(
          "error: " + (p.field() == null ? "" : p.field() + ": ") + p.message()));
    }
  }

  /** The problems of a command line picocli could not parse, named by option. */
  static List<Problem> problems(CommandLine.ParameterException e) {
    List<Problem> problems = new ArrayList<>();
    if (e instanceof CommandLine.MissingParameterException missing) {
      for (ArgSpec arg : missing.getMissing()) {
        problems.add(new Problem(name(arg), "is required"));
      }
    } else if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
      List<String> suggestions = unmatched.getSuggestions();
      String hint = suggestions.isEmpty() ? "" : "; did you mean " + String.join(" or ",
          suggestions.subList(0, Math.min(3, suggestions.size()))) + "?";
      for (String arg : unmatched.getUnmatched()) {
        problems.add(new Problem(arg, (arg.startsWith("-") ? "unknown option"
            : "unexpected argument") + hint));
      }
    } else if (e.getArgSpec() != null) {
      String message = e.getCause() instanceof CommandLine.TypeConversionException conversion
          ? conversion.getMessage() : e.getMessage();
      problems.add(new Problem(name(e.getArgSpec()), message));
    }
    if (problems.isEmpty()) {
      problems.add(new Problem(null, e.getMessage()));
    }
    return problems;
  }

  private static String name(ArgSpec arg) {
    if (arg instanceof OptionSpec option) {
      return option.longestName();
    }
    return ((PositionalParamSpec) arg).paramLabel();
  }

  /** Whether the words of a command line ask for JSON ({@code --json}, {@code --format json}). */
  static boolean jsonAsked(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--json") || arg.equalsIgnoreCase("--format=json")
          || (arg.equals("--format") && i + 1 < args.size()
              && args.get(i + 1).equalsIgnoreCase("json"))) {
        return true;
      }
    }
    return false;
  }
}
