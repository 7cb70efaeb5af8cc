package io.subnet2.validator.submission;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * A bare test repository built object by object (blobs, trees, commits inserted directly), so a
 * test can create entries no checkout would: symlinks to anywhere, gitlinks, huge files.
 */
public final class TestRepo implements AutoCloseable {

    private record Entry(FileMode mode, byte[] content, ObjectId id) {
    }

    private final Repository repo;
    private final Map<String, Entry> entries = new TreeMap<>();
    private ObjectId head;

    private TestRepo(Repository repo) {
        this.repo = repo;
    }

    /** A new bare repository at {@code base/name} (e.g. {@code miner/analyzer.git}), HEAD on main. */
    public static TestRepo create(Path base, String name) throws IOException {
        Repository repo = FileRepositoryBuilder.create(base.resolve(name).toFile());
        repo.create(true);
        RefUpdate headLink = repo.updateRef(Constants.HEAD);
        headLink.link("refs/heads/main");
        return new TestRepo(repo);
    }

    public TestRepo file(String path, String content) {
        return file(path, content.getBytes(StandardCharsets.UTF_8));
    }

    public TestRepo file(String path, byte[] content) {
        entries.put(path, new Entry(FileMode.REGULAR_FILE, content, null));
        return this;
    }

    TestRepo symlink(String path, String target) {
        entries.put(path, new Entry(FileMode.SYMLINK, target.getBytes(StandardCharsets.UTF_8), null));
        return this;
    }

    TestRepo gitlink(String path, String commitSha) {
        entries.put(path, new Entry(FileMode.GITLINK, null, ObjectId.fromString(commitSha)));
        return this;
    }

    TestRepo remove(String path) {
        entries.remove(path);
        return this;
    }

    /** Commits the current entries on main (parent: the previous commit) and returns the SHA. */
    public String commit(String message) throws IOException {
        try (ObjectInserter inserter = repo.newObjectInserter()) {
            DirCache index = DirCache.newInCore();
            DirCacheBuilder builder = index.builder();
            for (Map.Entry<String, Entry> e : entries.entrySet()) {
                DirCacheEntry entry = new DirCacheEntry(e.getKey());
                entry.setFileMode(e.getValue().mode());
                ObjectId id = e.getValue().id() != null ? e.getValue().id()
                        : inserter.insert(Constants.OBJ_BLOB, e.getValue().content());
                entry.setObjectId(id);
                builder.add(entry);
            }
            builder.finish();
            ObjectId tree = index.writeTree(inserter);
            CommitBuilder commit = new CommitBuilder();
            PersonIdent ident = new PersonIdent("Miner", "miner@example.org");
            commit.setAuthor(ident);
            commit.setCommitter(ident);
            commit.setTreeId(tree);
            commit.setMessage(message);
            if (head != null) {
                commit.setParentId(head);
            }
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            RefUpdate update = repo.updateRef("refs/heads/main");
            update.setNewObjectId(id);
            update.forceUpdate();
            head = id;
            return id.name();
        }
    }

    @Override
    public void close() {
        repo.close();
    }
}
