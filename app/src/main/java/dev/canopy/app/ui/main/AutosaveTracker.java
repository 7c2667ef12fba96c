package dev.canopy.app.ui.main;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import dev.canopy.app.ui.canvas.DocumentViewModel;
import dev.canopy.app.ui.edit.AutosaveService;
import dev.canopy.app.ui.log.EventLogViewModel;

/**
 * Keeps an autosave for each open design once the app has an {@link AutosaveService}: every edit
 * and every change of the dirty flag pushes the design; a save tells the service where the design
 * now lives; closing or discarding a design removes its autosave.
 */
final class AutosaveTracker {

    private final EventLogViewModel log;
    private final Map<DocumentViewModel, AutosaveService.Document> autosaves = new HashMap<>();
    private AutosaveService service;

    AutosaveTracker(EventLogViewModel log) {
        this.log = log;
    }

    /** Starts autosaving with {@code service}: these documents now, and every one tracked later. */
    void use(AutosaveService service, Iterable<DocumentViewModel> open) {
        this.service = service;
        for (DocumentViewModel d : open) track(d);
    }

    Optional<AutosaveService> service() {
        return Optional.ofNullable(service);
    }

    /** Autosaves {@code doc} from now on (nothing until there is a service, or when it is tracked already). */
    void track(DocumentViewModel doc) {
        if (service == null || autosaves.containsKey(doc)) return;
        AutosaveService.Document a = service.open(doc.file());
        autosaves.put(doc, a);
        Runnable push = () -> a.update(doc.design(), doc.dirtyProperty().get());
        doc.editor().revisionProperty().addListener((o, x, y) -> push.run());
        doc.dirtyProperty().addListener((o, x, y) -> push.run());
        push.run();
    }

    /** {@code doc} was saved to {@code file}: its autosave follows the file. */
    void saved(DocumentViewModel doc, Path file) throws IOException {
        AutosaveService.Document a = autosaves.get(doc);
        if (a != null) a.saved(file);
    }

    /** Stops autosaving {@code doc} and removes its autosave (closed, or its changes dropped). */
    void drop(DocumentViewModel doc) {
        AutosaveService.Document a = autosaves.remove(doc);
        if (a == null) return;
        try {
            a.close();
        } catch (IOException e) {
            log.warning("Could not remove the autosave of " + doc.nameProperty().get() + ": " + e.getMessage());
        }
    }
}
