package com.soundhub.jobs.media;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Several instances on one host share the root; each clears away only what dead instances left. */
class WorkFoldersTest {

    @TempDir
    Path root;

    Process alive;

    @AfterEach
    void stopTheOtherInstance() {
        if (alive != null) {
            alive.destroyForcibly();
        }
    }

    @Test
    void aRunGetsAFolderOfItsOwnInsideItsInstancesFolder() throws Exception {
        WorkFolders folders = new WorkFolders(root);

        Path first = folders.newRunFolder("process-upload-42-1");
        Path second = folders.newRunFolder("process-upload-42-1");

        assertThat(first).isDirectory().isEmptyDirectory().isNotEqualTo(second);
        assertThat(first.getParent()).isEqualTo(folders.instanceFolder());
        assertThat(folders.instanceFolder().getFileName().toString())
                .isEqualTo(ProcessHandle.current().pid() + "-" + ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli());
        assertThat(folders.newRunFolder("odd/../name").getParent()).as("labels cannot escape").isEqualTo(folders.instanceFolder());
    }

    @Test
    void foldersOfDeadProcessesGoWhileThoseOfLiveOnesStay() throws Exception {
        WorkFolders mine = new WorkFolders(root);
        Path myRun = mine.newRunFolder("generate-music-7-1");
        Files.writeString(myRun.resolve("mix.wav"), "RIFF");

        alive = new ProcessBuilder("sleep", "60").start();
        WorkFolders.Owner liveOwner = WorkFolders.Owner.of(alive.toHandle()).orElseThrow();
        Path liveRun = new WorkFolders(root, liveOwner).newRunFolder("process-upload-1-1");

        WorkFolders.Owner deadOwner = anInstanceThatDied();
        Path deadRun = new WorkFolders(root, deadOwner).newRunFolder("process-upload-2-3");
        Files.createDirectories(deadRun.resolve("out/hls"));
        Files.writeString(deadRun.resolve("out/hls/segment_00001.m4s"), "half");

        // The pid of a process that is running, but started at another time: a dead instance's pid, reused.
        Path reusedPid = Files.createDirectories(root.resolve(liveOwner.pid() + "-" + (liveOwner.startMillis() - 3_600_000)));
        Path notOurs = Files.createDirectories(root.resolve("someone-elses-folder"));

        var removed = mine.removeLeftoversOfDeadInstances();

        assertThat(removed).containsExactlyInAnyOrder(deadRun.getParent(), reusedPid);
        assertThat(deadRun.getParent()).doesNotExist();
        assertThat(reusedPid).doesNotExist();
        assertThat(liveRun).isDirectory();
        assertThat(myRun.resolve("mix.wav")).exists();
        assertThat(notOurs).as("only instance folders are touched").isDirectory();
    }

    @Test
    void twoInstancesClearingAtOnceDoNotTripOverEachOther() throws Exception {
        WorkFolders.Owner deadOwner = anInstanceThatDied();
        Path deadRun = new WorkFolders(root, deadOwner).newRunFolder("run");
        for (int i = 0; i < 200; i++) {
            Files.writeString(deadRun.resolve("segment_" + i), "x");
        }
        WorkFolders one = new WorkFolders(root);
        WorkFolders other = new WorkFolders(root, new WorkFolders.Owner(ProcessHandle.current().pid(), 1));

        Thread second = new Thread(other::removeLeftoversOfDeadInstances);
        second.start();
        one.removeLeftoversOfDeadInstances();
        second.join();

        assertThat(deadRun.getParent()).doesNotExist();
    }

    /** A process that ran and has ended: its pid and start time, read while it ran. */
    private static WorkFolders.Owner anInstanceThatDied() throws Exception {
        Process process = new ProcessBuilder("cat").start();
        WorkFolders.Owner owner = WorkFolders.Owner.of(process.toHandle()).orElseThrow();
        process.getOutputStream().close();
        assertThat(process.waitFor(5, TimeUnit.SECONDS)).isTrue();
        return owner;
    }

    @Test
    void aMissingRootHasNothingToClear() {
        assertThat(new WorkFolders(root.resolve("not-yet")).removeLeftoversOfDeadInstances()).isEmpty();
    }
}
