package org.sheaf.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repository state that decides whether a cached {@code git log} is still the history. */
class GitHistoryCacheTest {
    @TempDir
    Path root;

    private Path repository() throws IOException {
        Path git = Files.createDirectories(root.resolve(".git/refs/heads"));
        Files.writeString(git.resolve("../../HEAD"), "ref: refs/heads/main\n");
        Files.writeString(git.resolve("main"), "1111111111111111111111111111111111111111\n");
        return Files.createDirectories(root.resolve("site"));
    }

    @Test
    void aCommitOnTheCheckedOutBranchChangesTheState() throws IOException {
        Path site = repository();
        Optional<String> before = GitHistoryLoader.state(site);
        assertEquals(before, GitHistoryLoader.state(site), "nothing moved");
        Files.writeString(root.resolve(".git/refs/heads/main"), "2222222222222222222222222222222222222222\n");
        assertNotEquals(before, GitHistoryLoader.state(site));
    }

    @Test
    void checkingOutAnotherBranchChangesTheState() throws IOException {
        Path site = repository();
        Optional<String> before = GitHistoryLoader.state(site);
        Files.writeString(root.resolve(".git/HEAD"), "ref: refs/heads/other\n");
        assertNotEquals(before, GitHistoryLoader.state(site));
    }

    @Test
    void aWorktreeIsFollowedToItsOwnHead() throws IOException {
        repository();
        Path worktreeGit = Files.createDirectories(root.resolve(".git/worktrees/wt"));
        Files.writeString(worktreeGit.resolve("HEAD"), "ref: refs/heads/main\n");
        Files.writeString(worktreeGit.resolve("commondir"), "../..\n");
        Path tree = Files.createDirectories(root.resolve("elsewhere/wt"));
        Files.writeString(tree.resolve(".git"), "gitdir: " + worktreeGit + "\n");
        Optional<String> before = GitHistoryLoader.state(tree);
        Files.writeString(root.resolve(".git/refs/heads/main"), "3333333333333333333333333333333333333333\n");
        assertNotEquals(before, GitHistoryLoader.state(tree), "the branch lives in the common folder");
    }
}
