package io.subnet2.validator;

import java.io.PrintStream;

/**
 * A command-line entry point that runs without the database or the web server:
 * {@code java -jar validator.jar <name> [args]}.
 */
public interface CliCommand {

    /** First argument on the command line that selects this command. */
    String name();

    /**
     * Runs the command.
     *
     * @return the process exit code
     */
    int run(String[] args, PrintStream out, PrintStream err);
}
