package io.subnet2.validator;

import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;


@SpringBootApplication
@ConfigurationPropertiesScan
public class ValidatorApplication {

    /**
     * Command-line tools; each runs without Spring, the database or the web server. Modules register
     * theirs in META-INF/services, so this root package depends on no module.
     */
    static List<CliCommand> commands() {
        return ServiceLoader.load(CliCommand.class).stream().map(ServiceLoader.Provider::get).toList();
    }

    public static void main(String[] args) {
        if (args.length > 0) {
            for (CliCommand command : commands()) {
                if (command.name().equals(args[0])) {
                    int code;
                    try {
                        code = command.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err);
                    } catch (RuntimeException e) {
                        System.err.println(command.name() + ": " + e.getMessage());
                        code = 2;
                    }
                    System.exit(code);
                }
            }
        }
        SpringApplication.run(ValidatorApplication.class, args);
    }
}
