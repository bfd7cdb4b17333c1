package org.partnership.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** One log file per component, {@code <logs>/<name>.log}; the previous run's log is kept as {@code <name>.log.1}. */
final class LogFiles {

    private LogFiles() {
    }

    /** The component's log file, after moving the previous run's one aside. */
    static Path rotated(StackConfig config, Component component) {
        Path log = config.logFile(component);
        try {
            Files.createDirectories(log.getParent());
            if (Files.exists(log)) {
                Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // keep appending to the old log
        }
        return log;
    }
}
