package dev.canopy.app.ui.edit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.canopy.app.ui.AppPaths;
import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignFiles;
import dev.canopy.diagrams.design.LoadResult;

/**
 * Autosave of open designs, so that a crash loses at most a few seconds of work. Plain Java: the
 * timer is an injected {@link Scheduler} (tests drive {@link #tick()} themselves).
 *
 * <p>Every open design registers a {@link Document}; the editor reports each change with
 * {@link Document#update(Design, boolean)} (from any thread: designs are immutable). Every tick
 * writes each dirty document changed since its last autosave to
 * {@code <dir>/<id>.canopy.json} with {@link DesignFiles#save} (atomic: a temporary file then a
 * move), and the original file's path to {@code <dir>/<id>.origin}. A clean save
 * ({@link Document#saved(Path)}) or a close ({@link Document#close()}) deletes the autosave; a
 * document that becomes clean again (undo back to the save point) loses it at the next tick.
 *
 * <p>After a crash, {@link #recoverable()} lists the autosaves of documents not open now that are
 * newer than their originals (or have none: untitled designs), newest first, for the "recover
 * your work?" prompt; {@link #recover} reads one, {@link #discard} deletes it.
 *
 * <p>The default directory is {@code ~/.local/state/canopy/autosave} ({@link #defaultDir}).
 */
public final class AutosaveService implements AutoCloseable {
    private static final long PROCESS_ID = ProcessHandle.current().pid();
    private final java.util.concurrent.atomic.AtomicLong opened = new java.util.concurrent.atomic.AtomicLong(); // for unique ids


    /** The default time between autosaves. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);

    private static final String ORIGIN_SUFFIX = ".origin";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** Runs a task periodically. */
    @FunctionalInterface
    public interface Scheduler {
        Cancellable every(Duration period, Runnable task);
    }

    /** A scheduled task that can be stopped. */
    @FunctionalInterface
    public interface Cancellable {
        void cancel();
    }

    /** An autosave that can be offered for recovery. */
    public record Recoverable(String id, Path autosave, Optional<Path> original, Instant savedAt, String designName) {
    }

    private final Path dir;
    private final Scheduler scheduler;
    private final Duration interval;
    private final Clock clock;
    private final Map<String, Document> open = new ConcurrentHashMap<>();
    private volatile Consumer<String> errors = message -> { };
    private Cancellable running;

    public AutosaveService(Path dir, Scheduler scheduler, Duration interval) {
        this(dir, scheduler, interval, Clock.systemDefaultZone());
    }

    /** As above; {@code clock} dates the autosaves' names (tests pass a fixed one). */
    public AutosaveService(Path dir, Scheduler scheduler, Duration interval, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.dir = Objects.requireNonNull(dir, "dir");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.interval = Objects.requireNonNull(interval, "interval");
        if (interval.isZero() || interval.isNegative()) throw new IllegalArgumentException("interval must be positive");
    }

    /** {@code <state dir>/autosave}: {@code ~/.local/state/canopy/autosave} by default. */
    public static Path defaultDir(AppPaths paths) {
        return paths.stateDir().resolve("autosave");
    }

    /** A scheduler on one daemon thread ("canopy-autosave"). */
    public static Scheduler daemonScheduler() {
        return (period, task) -> {
            ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "canopy-autosave");
                t.setDaemon(true);
                return t;
            });
            long ms = period.toMillis();
            ex.scheduleWithFixedDelay(task, ms, ms, TimeUnit.MILLISECONDS);
            return ex::shutdownNow;
        };
    }

    public Path dir() {
        return dir;
    }

    /** Where failures to write go (a sentence each); by default nowhere. */
    public void onError(Consumer<String> sink) {
        this.errors = Objects.requireNonNull(sink, "sink");
    }

    /** Starts the periodic autosave. */
    public synchronized void start() {
        if (running == null) running = scheduler.every(interval, this::tickQuietly);
    }

    /** Stops the periodic autosave; autosaves on disk stay. */
    public synchronized void stop() {
        if (running != null) {
            running.cancel();
            running = null;
        }
    }

    @Override public void close() {
        stop();
    }

    /** Registers an open design; {@code original} is its file, empty while untitled. */
    public Document open(Optional<Path> original) {
        String stem = original.map(p -> p.getFileName().toString()).map(AutosaveService::stem).orElse("untitled");
        String id;
        do {
            // The app's process id and a counter keep documents apart, and an id whose files a
            // previous session left in the folder is skipped: unique without any randomness.
            id = stem + "-" + LocalDateTime.now(clock).format(STAMP) + "-" + PROCESS_ID + "-" + opened.incrementAndGet();
        } while (open.containsKey(id) || java.nio.file.Files.exists(dir.resolve(id + ".canopy.json"))
                || java.nio.file.Files.exists(dir.resolve(id + ".origin")));
        Document d = new Document(id, original.map(p -> p.toAbsolutePath().normalize()));
        open.put(id, d);
        return d;
    }

    /** The documents registered now. */
    public List<Document> documents() {
        return List.copyOf(open.values());
    }

    /**
     * Writes every dirty document changed since its last autosave, deletes the autosaves of
     * documents that are clean again. Returns how many were written. Failures go to
     * {@link #onError} and are retried at the next tick.
     */
    public int tick() {
        int written = 0;
        for (Document d : open.values()) {
            try {
                if (d.flush()) written++;
            } catch (IOException | RuntimeException e) {
                errors.accept("cannot autosave '" + d.id() + "' to " + d.autosaveFile() + ": " + e.getMessage());
            }
        }
        return written;
    }

    private void tickQuietly() {
        try {
            tick();
        } catch (RuntimeException e) {
            errors.accept("autosave failed: " + e);
        }
    }

    /** Autosaves left by documents not open now, newer than their originals, newest first. */
    public List<Recoverable> recoverable() {
        List<Recoverable> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) return out;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + DesignFiles.SUFFIX)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                String id = name.substring(0, name.length() - DesignFiles.SUFFIX.length());
                if (open.containsKey(id) || !Files.isRegularFile(file)) continue;
                candidate(id, file).ifPresent(out::add);
            }
        } catch (IOException e) {
            errors.accept("cannot list autosaves in " + dir + ": " + e.getMessage());
        }
        out.sort(Comparator.comparing(Recoverable::savedAt).reversed().thenComparing(Recoverable::id));
        return out;
    }

    private Optional<Recoverable> candidate(String id, Path file) throws IOException {
        Optional<Path> original = readOrigin(dir.resolve(id + ORIGIN_SUFFIX));
        FileTime saved = Files.getLastModifiedTime(file);
        if (original.isPresent() && Files.exists(original.get())
                && Files.getLastModifiedTime(original.get()).compareTo(saved) >= 0) {
            return Optional.empty(); // the original was saved after this autosave
        }
        if (!(DesignFiles.load(file) instanceof LoadResult.Loaded loaded)) return Optional.empty();
        return Optional.of(new Recoverable(id, file, original, saved.toInstant(), loaded.design().name()));
    }

    /** Reads an autosave (to open it as a dirty document); the autosave stays until {@link #discard}. */
    public LoadResult recover(Recoverable r) {
        return DesignFiles.load(r.autosave());
    }

    /** Deletes an autosave (declined, or recovered and now open). */
    public void discard(Recoverable r) throws IOException {
        deleteAutosave(r.id());
    }

    private void deleteAutosave(String id) throws IOException {
        Files.deleteIfExists(dir.resolve(id + DesignFiles.SUFFIX));
        Files.deleteIfExists(dir.resolve(id + ORIGIN_SUFFIX));
    }

    private static Optional<Path> readOrigin(Path originFile) {
        try {
            String text = Files.readString(originFile, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(Path.of(text));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName() + ".", ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot replace " + file + " atomically on this file system", e);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String stem(String fileName) {
        String s = fileName.endsWith(DesignFiles.SUFFIX)
                ? fileName.substring(0, fileName.length() - DesignFiles.SUFFIX.length()) : fileName;
        s = s.replaceAll("[^A-Za-z0-9_.-]", "_");
        if (s.isEmpty() || s.startsWith(".")) s = "design" + s;
        return s.length() > 60 ? s.substring(0, 60) : s;
    }

    /** One open design's autosave state. Thread-safe. */
    public final class Document {

        private final String id;
        private Optional<Path> original;
        private Design latest;
        private boolean dirty;
        private long version;
        private long writtenVersion;
        private boolean onDisk;
        private boolean closed;

        private Document(String id, Optional<Path> original) {
            this.id = id;
            this.original = original;
        }

        public String id() {
            return id;
        }

        public Path autosaveFile() {
            return dir.resolve(id + DesignFiles.SUFFIX);
        }

        public synchronized Optional<Path> original() {
            return original;
        }

        /** The editor's current design and whether it differs from the saved file. */
        public synchronized void update(Design design, boolean dirty) {
            if (closed) return;
            this.latest = Objects.requireNonNull(design, "design");
            this.dirty = dirty;
            version++;
        }

        /** True when the next tick would write or delete something. */
        public synchronized boolean pending() {
            return !closed && (dirty ? version != writtenVersion : onDisk);
        }

        /** The design was saved cleanly to {@code file}: the autosave goes. */
        public void saved(Path file) throws IOException {
            synchronized (this) {
                original = Optional.of(file.toAbsolutePath().normalize());
                dirty = false;
                writtenVersion = version;
                onDisk = false;
            }
            deleteAutosave(id);
        }

        /** The document was closed (saved or changes discarded): the autosave goes. */
        public void close() throws IOException {
            synchronized (this) {
                closed = true;
                onDisk = false;
            }
            open.remove(id);
            deleteAutosave(id);
        }

        /** Writes (or deletes) the autosave if needed; true when written. */
        synchronized boolean flush() throws IOException {
            if (closed || latest == null) return false;
            if (!dirty) {
                if (onDisk) {
                    deleteAutosave(id);
                    onDisk = false;
                }
                writtenVersion = version;
                return false;
            }
            if (version == writtenVersion && onDisk) return false;
            Files.createDirectories(dir);
            writeAtomically(dir.resolve(id + ORIGIN_SUFFIX), original.map(Path::toString).orElse("") + "\n");
            DesignFiles.save(autosaveFile(), latest);
            writtenVersion = version;
            onDisk = true;
            return true;
        }
    }
}
