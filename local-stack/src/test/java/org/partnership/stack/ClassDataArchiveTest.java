package org.partnership.stack;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** With the real JVM: an archive written at exit, then used; one cut short or older than the jar, written again. */
class ClassDataArchiveTest {

    private static final String JAVA = ChildProcess.javaExecutable();

    @TempDir
    Path dir;
    Path jar;
    Path archive;
    Path pending;

    @BeforeEach
    void packagedJar() throws Exception {
        jar = dir.resolve("quarkus-run.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.flush();
        }
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
        archive = ClassDataArchive.archiveOf(jar, System.getProperty("java.vm.version"));
        pending = archive.resolveSibling(archive.getFileName() + ".new");
    }

    @Test
    void shouldWriteTheArchiveAtExitFirstThenUseIt() throws Exception {
        assertThat(ClassDataArchive.options(JAVA, jar)).containsExactly("-XX:ArchiveClassesAtExit=" + pending,
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off");

        runJvmWith(ClassDataArchive.options(JAVA, jar).get(0));
        assertThat(pending).isNotEmptyFile();

        assertThat(ClassDataArchive.options(JAVA, jar)).startsWith("-XX:SharedArchiveFile=" + archive);
        assertThat(pending).doesNotExist();
        assertThat(ClassDataArchive.options(JAVA, jar)).startsWith("-XX:SharedArchiveFile=" + archive);
    }

    @Test
    void shouldDropAnArchiveCutShortInsteadOfCrashingTheService() throws Exception {
        runJvmWith("-XX:ArchiveClassesAtExit=" + pending);
        byte[] whole = Files.readAllBytes(pending);
        Files.write(pending, java.util.Arrays.copyOf(whole, 4096));   // a JVM killed while writing it

        assertThat(ClassDataArchive.usable(JAVA, pending, jar)).isFalse();
        assertThat(ClassDataArchive.options(JAVA, jar)).startsWith("-XX:ArchiveClassesAtExit=" + pending);
        assertThat(pending).doesNotExist();
        assertThat(archive).doesNotExist();
    }

    @Test
    void shouldWriteItAgainWhenTheJarWasPackagedAfterIt() throws Exception {
        Files.write(archive, new byte[] {1});
        Files.setLastModifiedTime(archive, FileTime.from(Instant.now().minusSeconds(120)));

        assertThat(ClassDataArchive.options(JAVA, jar)).startsWith("-XX:ArchiveClassesAtExit=" + pending);

        Files.setLastModifiedTime(archive, FileTime.from(Instant.now()));
        assertThat(ClassDataArchive.options(JAVA, jar)).startsWith("-XX:SharedArchiveFile=" + archive);
    }

    private void runJvmWith(String archiveOption) throws Exception {
        Process jvm = new ProcessBuilder(JAVA, archiveOption, "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-cp", jar.toString(),
                "-version").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(jvm.waitFor()).isZero();
    }
}
